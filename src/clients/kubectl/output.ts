import type { KubeObject } from '../../engine/index.ts';
import { customColumns } from './printers/custom-columns.ts';
import { jsonpath } from './printers/jsonpath.ts';
import { marshalGoJson, quoteGoJson, toKubectlJson } from './printers/json.ts';
import { printKyaml } from './printers/kyaml.ts';
import { toKubectlYaml, YamlPrintError } from './printers/yaml.ts';
import { qualifiedKind } from './discovery.ts';
import type { ResourceType } from '../../engine/index.ts';
import type { ParsedFlags } from './flags.ts';
import { goTemplateFromFlags, printGoTemplate, type GoTemplatePrinter } from './printers/gotemplate.ts';

/**
 * The -o formats that print whole objects (yaml, kyaml, json, name, jsonpath, custom-columns, go-template),
 * shared by get, create, apply, run, expose and the rest. Table output lives in printers/table.ts.
 */
export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'kyaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; spec: string }
  | GoTemplatePrinter;

/** TemplateOptions carry the print flags besides -o that template formats read. */
export interface TemplateOptions {
  /** template is --template; without -o it selects go-template, as kubectl does for compatibility. */
  template?: string | undefined;
  allowMissingKeys?: boolean;
  readFile?: ((path: string) => string | undefined) | undefined;
}

/** templateOptions reads --template and --allow-missing-template-keys where a command defines them. */
export function templateOptions(
  flags: ParsedFlags,
  ctx: { readFile?: ((path: string) => string | undefined) | undefined },
): TemplateOptions {
  return {
    template: flags.values.has('template') ? flags.string('template') : undefined,
    allowMissingKeys: flags.values.has('allow-missing-template-keys')
      ? flags.bool('allow-missing-template-keys')
      : true,
    readFile: ctx.readFile,
  };
}

export function parseOutput(value: string | undefined, options: TemplateOptions = {}): OutputFormat | string {
  const templateArg = options.template ?? '';
  if (templateArg !== '' && (value === undefined || value === '')) value = 'go-template';
  const template = goTemplateFromFlags(value ?? '', templateArg, options.allowMissingKeys ?? true, options.readFile);
  if (template) return template.ok ? template.printer : template.error;
  if (value === undefined || value === '') return { kind: 'table', wide: false };
  if (value === 'wide') return { kind: 'table', wide: true };
  if (value === 'yaml') return { kind: 'yaml' };
  if (value === 'kyaml') return { kind: 'kyaml' };
  if (value === 'json') return { kind: 'json' };
  if (value === 'name') return { kind: 'name' };
  const eq = value.indexOf('=');
  const head = eq >= 0 ? value.slice(0, eq) : value;
  const rest = eq >= 0 ? value.slice(eq + 1) : '';
  if (head === 'jsonpath' || head === 'jsonpath-as-json') {
    if (!rest) return `error: template format specified but no template given`;
    return { kind: 'jsonpath', template: rest };
  }
  if (head === 'custom-columns') {
    if (!rest) return `error: custom-columns format specified but no custom columns given`;
    return { kind: 'custom-columns', spec: rest };
  }
  return `error: unable to match a printer suitable for the output format "${value}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml`;
}

/** asList wraps several objects the way kubectl does for -o yaml|json. */
export function asList(objects: KubeObject[]): object {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

export function nameOf(type: ResourceType, object: KubeObject): string {
  return `${qualifiedKind(type)}/${object.metadata.name ?? ''}`;
}

/** printObjects prints objects in a non-table format; `single` prints an object instead of a List. */
export function printObjects(
  format: OutputFormat,
  items: { type: ResourceType; object: KubeObject }[],
  single: boolean,
  noHeaders = false,
): { ok: true; text: string } | { ok: false; error: string; stdout?: string } {
  const objects = items.map((i) => i.object);
  const value = single && objects.length === 1 ? objects[0] : asList(objects);
  switch (format.kind) {
    case 'yaml':
      return { ok: true, text: toKubectlYaml(value) };
    case 'kyaml':
      return kyamlText(value);
    case 'json':
      return { ok: true, text: toKubectlJson(value) };
    case 'name':
      return { ok: true, text: items.map((i) => `${nameOf(i.type, i.object)}\n`).join('') };
    case 'jsonpath': {
      const result = jsonpath(format.template, value);
      return result.ok ? { ok: true, text: result.text } : { ok: false, error: result.error };
    }
    case 'custom-columns':
      return { ok: true, text: customColumns(format.spec, objects, { noHeaders }) };
    case 'go-template': {
      const result = printGoTemplate(format, value);
      return result.ok ? result : { ok: false, stdout: result.stdout, error: result.error.replace(/\n$/, '') };
    }
    case 'table':
      return { ok: false, error: 'error: table output needs a table' };
  }
}

/**
 * streamPrinter prints the objects of `get -w` one at a time with one printer, as kubectl does:
 * yaml puts `---` before every document after the first, custom-columns prints its header once,
 * and a WatchEvent ({type, object}, from --output-watch-events) prints as json on one line and
 * by its object's name under -o name.
 */
export function streamPrinter(
  format: Exclude<OutputFormat, { kind: 'table' }>,
  type: ResourceType,
  noHeaders: boolean,
): (value: unknown) => { ok: true; text: string } | { ok: false; stdout: string; error: string } {
  let count = 0;
  return (value) => {
    count++;
    const event = isWatchEvent(value) ? value : undefined;
    switch (format.kind) {
      case 'yaml':
        return { ok: true, text: `${count > 1 ? '---\n' : ''}${toKubectlYaml(value)}` };
      case 'kyaml': {
        const printed = kyamlText(value);
        return printed.ok ? printed : { ok: false, stdout: '', error: `${printed.error}\n` };
      }
      case 'json':
        return {
          ok: true,
          text: event
            ? `{"type":${quoteGoJson(event.type)},"object":${marshalGoJson(event.object)}}\n`
            : toKubectlJson(value),
        };
      case 'name':
        return { ok: true, text: `${nameOf(type, (event ? event.object : value) as KubeObject)}\n` };
      case 'jsonpath': {
        const result = jsonpath(format.template, value);
        return result.ok ? { ok: true, text: result.text } : { ok: false, stdout: '', error: `${result.error}\n` };
      }
      case 'custom-columns':
        try {
          return { ok: true, text: customColumns(format.spec, [value], { noHeaders: noHeaders || count > 1 }) };
        } catch (e) {
          return { ok: false, stdout: '', error: e instanceof Error ? e.message : String(e) };
        }
      case 'go-template':
        return printGoTemplate(format, value, event ? { typed: true } : {});
    }
  };
}

/** kyamlText is -o kyaml of one value (each KYAML document carries its own `---`). */
function kyamlText(value: unknown): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: printKyaml(value) };
  } catch (error) {
    if (error instanceof YamlPrintError) return { ok: false, error: `error: ${error.message}` };
    throw error;
  }
}

function isWatchEvent(value: unknown): value is { type: string; object: unknown } {
  return typeof value === 'object' && value !== null && Object.keys(value).join() === 'type,object';
}

/**
 * noResourcesFound is kubectl's note for an empty listing: it names the namespace only when every
 * resource asked for lives in one (and not for -A).
 */
export function noResourcesFound(allNamespaced: boolean, namespace: string): string {
  return allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}
