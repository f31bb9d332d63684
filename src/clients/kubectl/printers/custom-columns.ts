/**
 * kubectl -o custom-columns=HEADER:jsonpath,…: k8s.io/cli-runtime's CustomColumnsPrinter. Each cell
 * is the JSONPath results printed with Go's %v and joined by commas, `<none>` when there are none;
 * rows are aligned by the same tabwriter as kubectl tables (padding 3).
 */
import { jsonpathValueTexts, parseJsonPathMessage, type ParsedJsonPath } from './jsonpath.ts';
import { TabWriter } from './tabwriter.ts';

/** CustomColumn is one HEADER:expression pair, the expression already made a full template. */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/**
 * CustomColumnsError carries kubectl's stderr text (`error: …\n`) for a spec or evaluation that
 * fails; customColumns throws it so that its result stays the printed text.
 */
export class CustomColumnsError extends Error {}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * relaxedJsonPathExpression accepts `metadata.name`, `.metadata.name`, `{metadata.name}` and
 * `{.metadata.name}` and makes them all `{.metadata.name}`, as kubectl does.
 */
export function relaxedJsonPathExpression(
  path: string,
): { ok: true; template: string } | { ok: false; message: string } {
  if (path === '') return { ok: true, template: '' };
  const match = RELAXED.exec(path);
  if (!match) {
    return {
      ok: false,
      message:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  }
  return { ok: true, template: `{.${match[1] || match[2] || ''}}` };
}

/** parseCustomColumns checks a spec the way kubectl does before it contacts the server. */
export function parseCustomColumns(spec: string): { ok: true; columns: CustomColumn[] } | { ok: false; error: string } {
  if (spec === '') return { ok: false, error: 'error: custom-columns format specified but no custom columns given\n' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return {
        ok: false,
        error: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>\n`,
      };
    const relaxed = relaxedJsonPathExpression(part.slice(colon + 1));
    if (!relaxed.ok) return { ok: false, error: `error: ${relaxed.message}\n` };
    columns.push({ header: part.slice(0, colon), fieldSpec: relaxed.template });
  }
  return { ok: true, columns };
}

/**
 * printCustomColumns prints objects under parsed columns. On an error, text holds the rows kubectl
 * had already written to stdout (its tabwriter is flushed on the way out) and error its stderr.
 */
export function printCustomColumns(
  columns: CustomColumn[],
  objects: unknown[],
  options: { noHeaders: boolean },
): { ok: true; text: string } | { ok: false; error: string; text: string } {
  const writer = new TabWriter(3, 6);
  if (!options.noHeaders) writer.write(`${columns.map((c) => c.header).join('\t')}\n`);
  const parsers: ParsedJsonPath[] = [];
  for (const column of columns) {
    const parsed = parseJsonPathMessage(column.fieldSpec);
    if (!parsed.ok) return { ok: false, error: `error: ${parsed.message}\n`, text: writer.flush() };
    parsers.push(parsed.template);
  }
  for (const object of objects) {
    const cells: string[] = [];
    for (const parser of parsers) {
      const found = jsonpathValueTexts(parser, object);
      if (!found.ok) return { ok: false, error: `error: ${found.message}\n`, text: writer.flush() };
      const values = found.sets.flat();
      const none = found.sets.length === 0 || (found.sets[0] ?? []).length === 0;
      cells.push([...(none ? ['<none>'] : []), ...values].join(','));
    }
    writer.write(`${cells.join('\t')}\n`);
  }
  return { ok: true, text: writer.flush() };
}

/** customColumns is `-o custom-columns=SPEC`; it throws CustomColumnsError where kubectl fails. */
export function customColumns(spec: string, objects: unknown[], options: { noHeaders: boolean }): string {
  const parsed = parseCustomColumns(spec);
  if (!parsed.ok) throw new CustomColumnsError(parsed.error);
  const printed = printCustomColumns(parsed.columns, objects, options);
  if (!printed.ok) throw new CustomColumnsError(printed.error);
  return printed.text;
}
