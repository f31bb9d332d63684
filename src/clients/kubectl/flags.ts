/**
 * Flags parsed the way cobra/pflag does for kubectl: `--name=value`, `--name value`, `-n value`,
 * `-nvalue`, booleans without a value (`--all`, `-A`), repeated flags, and `--` ending flags.
 * Unknown flags produce kubectl's own error text.
 */
export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'int' | 'strings';
  default?: string | boolean | number | string[];
  usage?: string;
  /** noOptDefault is pflag's NoOptDefVal: `--dry-run` alone means `--dry-run=unchanged` and takes no argument. */
  noOptDefault?: string;
}

export interface ParsedFlags {
  positional: string[];
  values: Map<string, string | boolean | number | string[]>;
  /** afterDash holds what came after `--` (the command of `kubectl exec` and `kubectl run`). */
  afterDash: string[] | undefined;
  has(name: string): boolean;
  string(name: string): string | undefined;
  bool(name: string): boolean;
  int(name: string): number | undefined;
  strings(name: string): string[];
}

/** FlagError is a bad command line; command names the (sub)command for kubectl's `See 'kubectl … --help'` hint. */
export class FlagError extends Error {
  command: string | undefined;
}

/** GLOBAL_FLAGS are accepted by every kubectl command. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'strings' },
  { name: 'request-timeout', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
];

export function parseFlags(args: string[], specs: FlagSpec[]): ParsedFlags {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values = new Map<string, string | boolean | number | string[]>();
  const positional: string[] = [];
  let afterDash: string[] | undefined;
  const set = (spec: FlagSpec, raw: string | undefined, display: string) => {
    if (spec.type === 'bool') {
      if (raw === undefined || raw === 'true') values.set(spec.name, true);
      else if (raw === 'false') values.set(spec.name, false);
      else
        throw new FlagError(
          `invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
        );
      return;
    }
    if (raw === undefined) throw new FlagError(`flag needs an argument: ${display}`);
    if (spec.type === 'int') {
      if (!/^-?\d+$/.test(raw))
        throw new FlagError(
          `invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
        );
      values.set(spec.name, Number(raw));
    } else if (spec.type === 'strings') {
      const previous = (values.get(spec.name) as string[] | undefined) ?? [];
      values.set(spec.name, [...previous, ...raw.split(',').filter((v) => v !== '' || raw === '')]);
    } else values.set(spec.name, raw);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      afterDash = args.slice(i + 1);
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, arg.slice(eq + 1), `--${name}`);
      else if (spec.type === 'bool') set(spec, undefined, `--${name}`);
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, `--${name}`);
      else {
        if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: --${name}`);
        set(spec, args[++i], `--${name}`);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      let j = 1;
      while (j < arg.length) {
        const letter = arg[j] as string;
        const spec = byShort.get(letter);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${letter}' in ${arg}`);
        if (spec.type === 'bool') {
          const rest = arg.slice(j + 1);
          if (rest.startsWith('=')) {
            set(spec, rest.slice(1), `-${letter}, --${spec.name}`);
            break;
          }
          set(spec, undefined, `-${letter}, --${spec.name}`);
          j++;
          continue;
        }
        let value = arg.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        if (value === '') {
          if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: '${letter}' in -${letter}`);
          value = args[++i] as string;
        }
        set(spec, value, `-${letter}, --${spec.name}`);
        break;
      }
      continue;
    }
    positional.push(arg);
  }
  for (const spec of all) {
    if (!values.has(spec.name) && spec.default !== undefined) values.set(spec.name, spec.default);
  }
  return {
    positional,
    values,
    afterDash,
    has: (name) => values.has(name) && all.find((s) => s.name === name)?.default !== values.get(name),
    string: (name) => {
      const v = values.get(name);
      return v === undefined ? undefined : String(v);
    },
    bool: (name) => values.get(name) === true,
    int: (name) => {
      const v = values.get(name);
      return typeof v === 'number' ? v : undefined;
    },
    strings: (name) => {
      const v = values.get(name);
      return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    },
  };
}
