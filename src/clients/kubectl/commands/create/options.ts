/**
 * What every `kubectl create <generator>` shares: the flags cobra registers for them (print flags,
 * --dry-run, --validate, --save-config, --field-manager), the order in which Complete() checks them,
 * and the end of Run(): the last-applied annotation, the POST, and the printer. Error texts are
 * kubectl's (k8s.io/kubectl/pkg/cmd/create, cmd/util, cli-runtime/pkg/genericclioptions).
 */
import { isStatus, objectPath, type ClusterClient } from '../../../../engine/index.ts';
import { klogWarning } from '../../klog.ts';
import { statusMessage } from '../../errors.ts';
import { FlagError, parseFlags, type FlagSpec, type ParsedFlags } from '../../flags.ts';
import { toKubectlJson } from '../../printers/json.ts';
import { executeJsonPath, parseJsonPath, type ParsedJsonPath } from '../../printers/jsonpath.ts';
import { goTemplateFromFlags, printGoTemplate, type GoTemplatePrinter } from '../../printers/gotemplate.ts';
import { printKyaml } from '../../printers/kyaml.ts';
import { toKubectlYaml, YamlPrintError } from '../../printers/yaml.ts';
import { fail, ok, type CommandResult, type KubectlContext } from '../../types.ts';
import { CREATE_HELP } from './help.ts';
import { goOrdered } from './typed.ts';

/** LAST_APPLIED is the annotation `--save-config` writes. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** PRINT_FLAGS are genericclioptions.PrintFlags as kubectl create registers them. */
const PRINT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

/** GENERATOR_FLAGS are the flags every generator adds besides its own (token has only the print flags). */
const GENERATOR_FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
];

const ALLOWED_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml';

/** BuiltInType is what the generators need to know about the kinds they create. */
export interface BuiltInType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export type DryRun = 'none' | 'client' | 'server';

type Printer =
  | { kind: 'created' }
  | { kind: 'name' }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'kyaml' }
  | { kind: 'jsonpath'; template: ParsedJsonPath; asJson: boolean; allowMissingKeys: boolean }
  | GoTemplatePrinter;

/** CreateOptions is what Complete() leaves for Validate() and Run(). */
export interface CreateOptions {
  /** path is the command path in messages: `create deployment`, `create service clusterip`. */
  path: string;
  flags: ParsedFlags;
  name: string;
  /** command holds the words after `--` (deployment, job and cronjob run them). */
  command: string[];
  namespace: string;
  /** enforceNamespace is true when -n was given: only then do generated objects carry a namespace. */
  enforceNamespace: boolean;
  dryRun: DryRun;
  printer: Printer;
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  /** warnings go to stderr before the result, like the Warning lines kubectl prints while it runs. */
  warnings: string[];
}

/** ArrayFlag names a pflag StringArray (or map) flag: repeatable, never split on commas. */
export type ArrayFlag = string;

export interface CompleteSpec {
  /** path after `kubectl `: `create deployment`. */
  path: string;
  flags: FlagSpec[];
  /** arrayFlags are StringArray flags, kept whole (`--from-literal=a=b,c`). */
  arrayFlags?: ArrayFlag[];
  /** required lists flags cobra's MarkFlagRequired insists on. */
  required?: string[];
  /** printOnly: the command has only the print flags (create token). */
  printOnly?: boolean;
}

export type Completed =
  { ok: true; options: CreateOptions; arrays: Map<string, string[]> } | { ok: false; result: CommandResult };

/**
 * completeCreate parses args as cobra would for a create generator and runs the shared part of
 * Complete(): the NAME, --dry-run, the printer, --validate and the namespace, in kubectl's order.
 */
export function completeCreate(args: string[], ctx: KubectlContext, spec: CompleteSpec): Completed {
  const failed = (stderr: string): Completed => ({ ok: false, result: fail(stderr) });
  const specs = [...(spec.printOnly ? PRINT_FLAGS : GENERATOR_FLAGS), ...spec.flags];
  const extracted = extractArrayFlags(args, spec.arrayFlags ?? []);
  if (!extracted.ok) return failed(`error: ${extracted.error}\nSee 'kubectl ${spec.path} --help' for usage.\n`);
  let flags: ParsedFlags;
  try {
    flags = parseFlags(normalizeOptionalValues(extracted.rest), specs);
  } catch (e) {
    if (e instanceof FlagError)
      return failed(`error: ${withShorthand(e.message, specs)}\nSee 'kubectl ${spec.path} --help' for usage.\n`);
    throw e;
  }
  if (flags.bool('help')) return { ok: false, result: ok(CREATE_HELP[spec.path] ?? '') };
  const missing = (spec.required ?? []).filter((name) => !flags.values.has(name)).sort();
  if (missing.length > 0) return failed(`error: required flag(s) "${missing.join('", "')}" not set\n`);

  // NameFromCommandArgs counts the arguments before `--`.
  if (flags.positional.length !== 1) {
    return failed(
      `error: exactly one NAME is required, got ${flags.positional.length}\nSee 'kubectl ${spec.path} -h' for help and examples\n`,
    );
  }
  const warnings: string[] = [];
  let dryRun: DryRun = 'none';
  if (!spec.printOnly) {
    const value = flags.string('dry-run') ?? 'none';
    if (value === 'unchanged') {
      warnings.push(
        klogWarning(ctx.now(), 'helpers.go:719', '--dry-run is deprecated and can be replaced with --dry-run=client.'),
      );
      dryRun = 'client';
    } else if (value === 'client' || value === 'server' || value === 'none') dryRun = value;
    else return failed(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".\n`);
  }
  const printer = toPrinter(flags, ctx);
  if (!printer.ok) return failed(printer.error);
  let fieldValidation: CreateOptions['fieldValidation'] = 'Strict';
  if (!spec.printOnly) {
    const validate = (flags.string('validate') ?? 'strict').toLowerCase();
    if (validate === 'strict' || validate === 'true') fieldValidation = 'Strict';
    else if (validate === 'warn') fieldValidation = 'Warn';
    else if (validate === 'ignore' || validate === 'false') fieldValidation = 'Ignore';
    else
      return failed(
        `error: invalid - validate option "${flags.string('validate') ?? ''}"; must be one of: strict (or true), warn, ignore (or false)\n`,
      );
  }
  const explicit = flags.string('namespace');
  return {
    ok: true,
    arrays: extracted.arrays,
    options: {
      path: spec.path,
      flags,
      name: flags.positional[0] as string,
      command: flags.afterDash ?? [],
      namespace: explicit ?? ctx.namespace,
      enforceNamespace: explicit !== undefined,
      dryRun,
      printer: printer.printer,
      fieldValidation,
      warnings,
    },
  };
}

/** withShorthand names a flag as pflag does in errors: `-r, --replicas` when it has a shorthand. */
function withShorthand(message: string, specs: FlagSpec[]): string {
  return message.replace(/for "--([^"]+)" flag/, (whole, name: string) => {
    const short = specs.find((s) => s.name === name)?.short;
    return short ? `for "-${short}, --${name}" flag` : whole;
  });
}

/** normalizeOptionalValues gives pflag's NoOptDefVal to `--dry-run` and `--validate` written bare. */
function normalizeOptionalValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return [...out, ...args.slice(i)];
    if (arg === '--dry-run') out.push('--dry-run=unchanged');
    else if (arg === '--validate') out.push('--validate=strict');
    else out.push(arg);
  }
  return out;
}

/**
 * extractArrayFlags takes StringArray flags out of args before the shared parser (which splits
 * on commas) sees them: `--from-literal=k=a,b` keeps its comma.
 */
function extractArrayFlags(
  args: string[],
  names: string[],
): { ok: true; rest: string[]; arrays: Map<string, string[]> } | { ok: false; error: string } {
  const arrays = new Map<string, string[]>(names.map((n) => [n, []]));
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const match = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg);
    const list = match ? arrays.get(match[1] as string) : undefined;
    if (!match || !list) {
      rest.push(arg);
      continue;
    }
    if (match[2] !== undefined) list.push(match[2]);
    else if (i + 1 < args.length) list.push(args[++i] as string);
    else return { ok: false, error: `flag needs an argument: --${match[1]}` };
  }
  return { ok: true, rest, arrays };
}

/** toPrinter is PrintFlags.ToPrinter for the formats kubectl create accepts. */
function toPrinter(
  flags: ParsedFlags,
  ctx: KubectlContext,
): { ok: true; printer: Printer } | { ok: false; error: string } {
  let format = flags.string('output') ?? '';
  const templateArg = flags.string('template') ?? '';
  if (templateArg !== '' && !flags.values.has('output')) format = 'go-template';
  switch (format) {
    case '':
      return { ok: true, printer: { kind: 'created' } };
    case 'name':
      return { ok: true, printer: { kind: 'name' } };
    case 'yaml':
      return { ok: true, printer: { kind: 'yaml' } };
    case 'json':
      return { ok: true, printer: { kind: 'json' } };
    case 'kyaml':
      return { ok: true, printer: { kind: 'kyaml' } };
  }
  const jsonFormats = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'];
  let templateFormat = format;
  let templateValue = templateArg;
  if (templateArg === '') {
    for (const f of jsonFormats) {
      if (format.startsWith(`${f}=`)) {
        templateValue = format.slice(f.length + 1);
        templateFormat = f;
        break;
      }
    }
  }
  if (jsonFormats.includes(templateFormat)) {
    if (templateValue === '') return { ok: false, error: 'error: template format specified but no template given\n' };
    if (templateFormat === 'jsonpath-file') {
      const text = ctx.readFile?.(templateValue);
      if (text === undefined)
        return {
          ok: false,
          error: `error: error reading --template ${templateValue}, open ${templateValue}: no such file or directory\n`,
        };
      templateValue = text;
    }
    const parsed = parseJsonPath(templateValue);
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      printer: {
        kind: 'jsonpath',
        template: parsed.template,
        asJson: templateFormat === 'jsonpath-as-json',
        allowMissingKeys: flags.bool('allow-missing-template-keys'),
      },
    };
  }
  const goTemplate = goTemplateFromFlags(format, templateArg, flags.bool('allow-missing-template-keys'), ctx.readFile);
  if (goTemplate) return goTemplate;
  return {
    ok: false,
    error: `error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED_FORMATS}\n`,
  };
}

/** resourceName is `deployment.apps`, `namespace`: kind and group as kubectl's name printer writes them. */
export function resourceName(type: BuiltInType): string {
  return type.group === '' ? type.kind.toLowerCase() : `${type.kind.toLowerCase()}.${type.group}`;
}

/** printObject prints a typed object with the chosen printer; operation is `created` and friends. */
export function printObject(
  options: CreateOptions,
  type: BuiltInType,
  object: Record<string, unknown>,
  operation = 'created',
): CommandResult {
  const warnings = options.warnings.join('');
  const name = ((object.metadata as { name?: string } | undefined)?.name ?? '') as string;
  const printer = options.printer;
  const done = (stdout: string) => ({ ...ok(stdout), stderr: warnings });
  switch (printer.kind) {
    case 'created': {
      const suffix =
        options.dryRun === 'client' ? ' (dry run)' : options.dryRun === 'server' ? ' (server dry run)' : '';
      return done(`${resourceName(type)}/${name} ${operation}${suffix}\n`);
    }
    case 'name':
      return done(`${resourceName(type)}/${name}\n`);
    case 'yaml':
    case 'json':
    case 'kyaml': {
      const shown = options.flags.bool('show-managed-fields') ? object : withoutManagedFields(object);
      if (printer.kind === 'json') return done(toKubectlJson(shown, { typed: true }));
      try {
        return done(
          printer.kind === 'kyaml' ? printKyaml(shown, { typed: true }) : toKubectlYaml(shown, { typed: true }),
        );
      } catch (e) {
        if (e instanceof YamlPrintError) return fail(`${warnings}error: ${e.message}\n`);
        throw e;
      }
    }
    case 'jsonpath': {
      const result = executeJsonPath(printer.template, object, {
        typed: true,
        allowMissingKeys: printer.allowMissingKeys,
        outputJSON: printer.asJson,
      });
      return result.ok ? done(result.text) : fail(`${warnings}${result.error}`);
    }
    case 'go-template': {
      const shown = options.flags.bool('show-managed-fields') ? object : withoutManagedFields(object);
      const result = printGoTemplate(printer, shown, { typed: true });
      return result.ok ? done(result.text) : fail(`${warnings}${result.error}`, 1, result.stdout);
    }
  }
}

function withoutManagedFields(object: Record<string, unknown>): Record<string, unknown> {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  if (!metadata || !('managedFields' in metadata)) return object;
  const { managedFields: _drop, ...rest } = metadata;
  return goOrdered({ ...object, metadata: rest });
}

/**
 * ErrorStyle says how a generator reports a failed request: most wrap it (`error: failed to create
 * deployment: <message>`), a few (namespace, role, clusterrole) hand kubectl the server's error.
 */
export type ErrorStyle = { wrap: string } | 'raw';

/**
 * finishCreate is the end of every generator's Run(): --save-config, then the POST (unless
 * --dry-run=client), then printing what the server returned or, for a client dry run, the object.
 */
export async function finishCreate(
  ctx: KubectlContext,
  options: CreateOptions,
  type: BuiltInType,
  built: Record<string, unknown>,
  errorStyle: ErrorStyle,
): Promise<CommandResult> {
  let object = goOrdered(built);
  if (options.flags.bool('save-config')) object = withLastApplied(object);
  if (options.dryRun === 'client') return printObject(options, type, object);
  const namespace = type.namespaced ? options.namespace : undefined;
  const query: Record<string, string> = {};
  const fieldManager = options.flags.string('field-manager') ?? '';
  if (fieldManager !== '') query.fieldManager = fieldManager;
  query.fieldValidation = options.fieldValidation;
  if (options.dryRun === 'server') query.dryRun = 'All';
  const response = await post(ctx.client, objectPath(type, namespace), query, object);
  if (response.status >= 400) return fail(`${options.warnings.join('')}${requestError(response.body, errorStyle)}`);
  return printObject(options, type, goOrdered(response.body as Record<string, unknown>));
}

async function post(client: ClusterClient, path: string, query: Record<string, string>, body: unknown) {
  return client.request({ verb: 'POST', path, query, body });
}

/** requestError prints a failed request as the generator's Run() does. */
export function requestError(body: unknown, style: ErrorStyle): string {
  const message = isStatus(body) ? (body.message ?? '') : typeof body === 'string' ? body : JSON.stringify(body);
  if (style === 'raw') return isStatus(body) ? statusMessage(body) : `error: ${message}\n`;
  return `error: ${style.wrap}${message}\n`;
}

/**
 * withLastApplied is util.CreateOrUpdateAnnotation: the object's compact JSON (struct order, with a
 * final newline) stored in its own last-applied annotation.
 */
function withLastApplied(object: Record<string, unknown>): Record<string, unknown> {
  const metadata = { ...((object.metadata as Record<string, unknown> | undefined) ?? {}) };
  const annotations = { ...((metadata.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations[LAST_APPLIED];
  const base = goOrdered({
    ...object,
    metadata: { ...metadata, ...(Object.keys(annotations).length ? { annotations } : {}) },
  });
  if (!Object.keys(annotations).length) delete (base.metadata as Record<string, unknown>).annotations;
  const json = toKubectlJson(base, { typed: true, compact: true });
  annotations[LAST_APPLIED] = json;
  return goOrdered({ ...object, metadata: { ...metadata, annotations } });
}
