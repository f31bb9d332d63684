/**
 * kubectl's go-template printer (cli-runtime printers/template.go and genericclioptions
 * template_flags.go): `-o go-template=T`, `-o go-template-file=F`, `-o template=T`, `-o templatefile=F`
 * and `--template T`, with kubectl's extra functions `exists` and `base64decode`. The object goes
 * through JSON and k8s.io/apimachinery's util/json, so integral numbers are int64 and others float64.
 * An execution error prints what was written so far and a debugging block on stdout.
 */
import {
  GoError,
  GoInt,
  ParseError,
  Template,
  TemplateExecError,
  fromJSON,
  goFunc,
  sprintf,
  type GoValue,
} from '../../../helm/gotemplate/index.ts';
import { quote } from '../../../helm/gotemplate/fmt/quote.ts';
import { marshalGoJson } from './json.ts';

export const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];

export interface GoTemplatePrinter {
  kind: 'go-template';
  raw: string;
  template: Template;
}

/** exists reports whether the indices lead somewhere in item (kubectl's `exists`). */
function exists(item: GoValue, ...indices: GoValue[]): boolean {
  let v: GoValue | undefined = item;
  for (const i of indices) {
    if (Array.isArray(v)) {
      if (!(i instanceof GoInt) || i.type !== 'int' || i.value < 0n || i.value >= BigInt(v.length)) return false;
      v = v[Number(i.value)];
    } else if (v !== null && typeof v === 'object' && !(v instanceof GoInt) && !Array.isArray(v)) {
      if (typeof i !== 'string' || !Object.prototype.hasOwnProperty.call(v, i)) return false;
      v = (v as Record<string, GoValue>)[i];
    } else return false;
  }
  return true;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** base64decode is base64.StdEncoding.DecodeString with kubectl's error wording. */
function base64decode(v: string): string {
  const cleaned = v.replace(/[\r\n]/g, '');
  if (!BASE64.test(cleaned) || cleaned.length % 4 !== 0) {
    let at = cleaned.search(/[^A-Za-z0-9+/=]/);
    if (at < 0) at = cleaned.indexOf('=') >= 0 ? cleaned.indexOf('=') : cleaned.length - (cleaned.length % 4);
    throw new GoError(`base64 decode failed: illegal base64 data at input byte ${at}`);
  }
  const bytes = Uint8Array.from(atob(cleaned), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** newGoTemplatePrinter parses the template as kubectl does; the error text is kubectl's. */
export function newGoTemplatePrinter(
  raw: string,
  allowMissingKeys: boolean,
): { ok: true; printer: GoTemplatePrinter } | { ok: false; error: string } {
  const template = Template.create('output').funcs({
    exists: goFunc({ params: ['interface {}'], variadic: 'interface {}', result: 'bool' }, exists, 'exists'),
    base64decode: goFunc({ params: ['string'], result: 'string', returnsError: true }, base64decode, 'base64decode'),
  });
  try {
    template.parse(raw);
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: `error: error parsing template ${raw}, ${e.message}\n` };
    throw e;
  }
  template.option(allowMissingKeys ? 'missingkey=default' : 'missingkey=error');
  return { ok: true, printer: { kind: 'go-template', raw, template } };
}

/**
 * goTemplateFromFlags is GoTemplatePrintFlags.ToPrinter: `format` is the -o value (go-template=…),
 * `templateArg` the --template value. undefined means the format is not a template format.
 */
export function goTemplateFromFlags(
  format: string,
  templateArg: string,
  allowMissingKeys: boolean,
  readFile: ((path: string) => string | undefined) | undefined,
): { ok: true; printer: GoTemplatePrinter } | { ok: false; error: string } | undefined {
  let templateFormat = format;
  let value = templateArg;
  if (templateArg === '') {
    for (const f of TEMPLATE_FORMATS) {
      if (format.startsWith(`${f}=`)) {
        value = format.slice(f.length + 1);
        templateFormat = f;
        break;
      }
    }
  }
  if (!TEMPLATE_FORMATS.includes(templateFormat)) return undefined;
  if (value === '') return { ok: false, error: 'error: template format specified but no template given\n' };
  if (templateFormat === 'templatefile' || templateFormat === 'go-template-file') {
    const text = readFile?.(value);
    if (text === undefined)
      return {
        ok: false,
        error: `error: error reading --template ${value}, open ${value}: no such file or directory\n`,
      };
    value = text;
  }
  return newGoTemplatePrinter(value, allowMissingKeys);
}

/**
 * printGoTemplate runs the template on an object. `typed` objects were built by kubectl (dry-run
 * generators) and marshal in Go field order; others are unstructured, which Go's encoder writes
 * with sorted keys and a final newline.
 */
export function printGoTemplate(
  printer: GoTemplatePrinter,
  object: unknown,
  options: { typed?: boolean } = {},
): { ok: true; text: string } | { ok: false; stdout: string; error: string } {
  const raw = marshalGoJson(object, { typed: options.typed === true });
  const data = fromJSON(JSON.parse(raw), 'int64');
  try {
    return { ok: true, text: printer.template.execute(data) };
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    const stdout =
      `${e.partial}Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${printer.raw}\n` +
      `\traw data was:\n\t\t${raw}\n` +
      `\tobject given to template engine was:\n\t\t${sprintf('%+v', [data])}\n\n`;
    return { ok: false, stdout, error: `error: error executing template ${quote(printer.raw)}: ${e.message}\n` };
  }
}
