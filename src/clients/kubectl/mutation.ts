import type { KubeObject, ResourceType } from '../../engine/index.ts';
import { klogWarning } from './klog.ts';
import { qualifiedKind } from './discovery.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { toKubectlJson } from './printers/json.ts';
import { jsonpath } from './printers/jsonpath.ts';
import { goTemplateFromFlags, printGoTemplate, type GoTemplatePrinter } from './printers/gotemplate.ts';
import { printKyaml } from './printers/kyaml.ts';
import { toKubectlYaml } from './printers/yaml.ts';
import { templateOptions, type TemplateOptions } from './output.ts';

export { templateOptions };

/**
 * What the commands that change objects share (label, annotate, patch, scale, set, rollout …): the
 * `-o` of kubectl's PrintFlags without tables, `--dry-run`, and the `pod/web labeled` lines of the
 * name printer with its ` (dry run)` suffix.
 */
export type DryRun = 'none' | 'client' | 'server';

export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' };
export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string' };

export const PRINT_FLAGS: FlagSpec[] = [
  OUTPUT_FLAG,
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

const OBJECT_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml';

/** ObjectOutput is `-o` for commands that print changed objects: their name line unless a format is given. */
export type ObjectOutput =
  | { kind: 'operation' }
  | { kind: 'yaml' | 'json' | 'kyaml' | 'name' }
  | { kind: 'jsonpath'; template: string }
  | GoTemplatePrinter;

/**
 * parseObjectOutput reads -o; `options` carries --template (which alone selects go-template),
 * --allow-missing-template-keys and the files go-template-file= and templatefile= read.
 */
export function parseObjectOutput(value: string | undefined, options: TemplateOptions = {}): ObjectOutput | string {
  const templateArg = options.template ?? '';
  if (templateArg !== '' && (value === undefined || value === '')) value = 'go-template';
  if (value === undefined || value === '') return { kind: 'operation' };
  if (value === 'yaml' || value === 'json' || value === 'name' || value === 'kyaml') return { kind: value };
  const eq = value.indexOf('=');
  const head = eq >= 0 ? value.slice(0, eq) : value;
  const rest = eq >= 0 ? value.slice(eq + 1) : '';
  if (head === 'jsonpath' || head === 'jsonpath-as-json') {
    if (!rest) return 'error: template format specified but no template given\n';
    return { kind: 'jsonpath', template: rest };
  }
  const goTemplate = goTemplateFromFlags(value, templateArg, options.allowMissingKeys ?? true, options.readFile);
  if (goTemplate) return goTemplate.ok ? goTemplate.printer : goTemplate.error;
  return `error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${OBJECT_FORMATS}\n`;
}

/** parseDryRun reads --dry-run; a bare `--dry-run` still means client, with kubectl's deprecation warning. */
export function parseDryRun(
  flags: ParsedFlags,
  now: () => number = () => 0,
): { dryRun: DryRun; warning: string } | string {
  const value = flags.string('dry-run') ?? 'none';
  if (value === 'unchanged')
    return {
      dryRun: 'client',
      warning: klogWarning(
        now(),
        'helpers.go:719',
        '--dry-run is deprecated and can be replaced with --dry-run=client.',
      ),
    };
  if (value === 'none' || value === 'client' || value === 'server') return { dryRun: value, warning: '' };
  if (value === 'true') return { dryRun: 'client', warning: '' };
  if (value === 'false') return { dryRun: 'none', warning: '' };
  return `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".\n`;
}

export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/**
 * printChanged prints one changed object: `pod/web labeled`, its name, or the object itself.
 * `typed` objects were built by kubectl (dry-run generators) and print JSON in Go field order.
 */
export function printChanged(
  output: ObjectOutput,
  type: ResourceType,
  object: KubeObject,
  operation: string,
  dryRun: DryRun,
  typed = false,
): { ok: true; text: string } | { ok: false; error: string; stdout?: string } {
  const shown = withoutManagedFields(object);
  switch (output.kind) {
    case 'operation':
      return {
        ok: true,
        text: `${qualifiedKind(type)}/${object.metadata.name ?? ''} ${operation}${dryRunSuffix(dryRun)}\n`,
      };
    case 'name':
      return { ok: true, text: `${qualifiedKind(type)}/${object.metadata.name ?? ''}\n` };
    case 'yaml':
      return { ok: true, text: toKubectlYaml(shown) };
    case 'json':
      return { ok: true, text: toKubectlJson(shown, { typed }) };
    case 'kyaml':
      return { ok: true, text: printKyaml(shown, { typed }) };
    case 'jsonpath': {
      const result = jsonpath(output.template, shown);
      return result.ok ? { ok: true, text: result.text } : { ok: false, error: `${result.error}\n` };
    }
    case 'go-template': {
      const result = printGoTemplate(output, shown, { typed });
      return result.ok ? result : { ok: false, stdout: result.stdout, error: result.error };
    }
  }
}

function withoutManagedFields(object: KubeObject): KubeObject {
  if (!object.metadata.managedFields) return object;
  const copy = { ...object, metadata: { ...object.metadata } };
  delete copy.metadata.managedFields;
  return copy;
}

/** mergePatchBetween is jsonpatch.CreateMergePatch: what changed from one object to the other. */
export function mergePatchBetween(before: unknown, after: unknown): unknown {
  if (!isObject(before) || !isObject(after)) return after;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(before)) if (!(key in after)) patch[key] = null;
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    patch[key] = isObject(old) && isObject(value) ? mergePatchBetween(old, value) : value;
  }
  return patch;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
