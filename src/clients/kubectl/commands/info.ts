import { parseFlags, type FlagSpec } from '../flags.ts';
import { discover } from '../discovery.ts';
import { tabulate } from '../printers/tabwriter.ts';
import { toKubectlYaml } from '../printers/yaml.ts';
import { fail, ok, type CommandResult, type KubectlContext } from '../types.ts';

/** CLIENT_VERSION is the kubectl the lab emulates. */
export const CLIENT_VERSION = {
  major: '1',
  minor: '35',
  gitVersion: 'v1.35.2',
  gitCommit: 'fdc9d74cbf2da6754ebf81d56f80ae2948cd6425',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T20:05:34Z',
  goVersion: 'go1.25.7',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export async function versionCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ]);
  const server = flags.bool('client')
    ? undefined
    : ((await ctx.client.request({ verb: 'GET', path: '/version' })).body as { gitVersion: string });
  const output = flags.string('output');
  const document = {
    clientVersion: CLIENT_VERSION,
    kustomizeVersion: 'v5.7.1',
    ...(server ? { serverVersion: server } : {}),
  };
  // kubectl marshals its version struct itself: fields in struct order, two-space indent.
  if (output === 'json') return ok(`${JSON.stringify(document, null, 2)}\n`);
  // yaml.Marshal ends in a newline and kubectl prints it with Println: a blank line follows.
  if (output === 'yaml') return ok(`${toKubectlYaml(document)}\n`);
  if (output) return fail(`error: --output must be 'yaml' or 'json'`);
  let text = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: v5.7.1\n`;
  if (server) text += `Server Version: ${server.gitVersion}\n`;
  return ok(text);
}

export async function clusterInfoCommand(args: string[]): Promise<CommandResult> {
  if (args[0] === 'dump') return fail('error: cluster-info dump is not available in the lab');
  const green = (s: string) => `\u001b[0;32m${s}\u001b[0m`;
  const yellow = (s: string) => `\u001b[0;33m${s}\u001b[0m`;
  return ok(
    `${green('Kubernetes control plane')} is running at ${yellow('https://127.0.0.1:6443')}\n` +
      `${green('CoreDNS')} is running at ${yellow('https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy')}\n\n` +
      `To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
  );
}

const API_RESOURCES_FLAGS: FlagSpec[] = [
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'namespaced', type: 'bool', default: true },
  { name: 'api-group', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'verbs', type: 'strings' },
  { name: 'sort-by', type: 'string' },
  { name: 'cached', type: 'bool' },
  { name: 'categories', type: 'strings' },
];

export async function apiResourcesCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, API_RESOURCES_FLAGS);
  const registry = await discover(ctx.client);
  let types = [...registry.all()];
  if (flags.values.has('namespaced') && args.some((a) => a.startsWith('--namespaced')))
    types = types.filter((t) => t.namespaced === flags.bool('namespaced'));
  const group = flags.string('api-group');
  if (group !== undefined) types = types.filter((t) => t.group === group);
  const verbs = flags.strings('verbs');
  if (verbs.length) types = types.filter((t) => verbs.every((v) => t.verbs.includes(v)));
  types.sort((a, b) => (a.group === b.group ? (a.plural < b.plural ? -1 : 1) : a.group < b.group ? -1 : 1));
  const output = flags.string('output');
  if (output === 'name') return ok(types.map((t) => (t.group ? `${t.plural}.${t.group}\n` : `${t.plural}\n`)).join(''));
  const wide = output === 'wide';
  let text = flags.bool('no-headers')
    ? ''
    : `NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`;
  for (const t of types) {
    text += `${t.plural}\t${t.shortNames.join(',')}\t${t.group ? `${t.group}/${t.version}` : t.version}\t${t.namespaced}\t${t.kind}${wide ? `\t${t.verbs.join(',')}\t${(t.categories ?? []).join(',')}` : ''}\n`;
  }
  return ok(tabulate(text, 3));
}

export async function apiVersionsCommand(_args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const registry = await discover(ctx.client);
  const versions = new Set<string>();
  for (const t of registry.all()) versions.add(t.group ? `${t.group}/${t.version}` : t.version);
  return ok(
    [...versions]
      .sort()
      .map((v) => `${v}\n`)
      .join(''),
  );
}

/** configCommand covers the kubeconfig commands a learner meets: contexts and the current namespace. */
export async function configCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const [sub, ...rest] = args;
  const flags = parseFlags(rest, [
    { name: 'current', type: 'bool' },
    { name: 'minify', type: 'bool' },
    { name: 'raw', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'flatten', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'merge', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
  ]);
  switch (sub) {
    case 'current-context':
      return ok('kubelab\n');
    case 'get-contexts':
      return ok(
        tabulate(
          `CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n*\tkubelab\tkubelab\tkubelab-admin\t${ctx.namespace === 'default' ? '' : ctx.namespace}\n`,
          3,
        ),
      );
    case 'get-clusters':
      return ok('NAME\nkubelab\n');
    case 'use-context':
      if (rest[0] === 'kubelab') return ok('Switched to context "kubelab".\n');
      return fail(`error: no context exists with the name: "${rest[0] ?? ''}"`);
    case 'set-context': {
      if (!flags.bool('current') && flags.positional[0] !== 'kubelab')
        return fail(`error: you must specify a non-empty context name or --current`);
      const namespace = flags.string('namespace');
      if (namespace !== undefined) ctx.setNamespace?.(namespace);
      return ok('Context "kubelab" modified.\n');
    }
    case 'view': {
      const view = `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://127.0.0.1:6443\n  name: kubelab\ncontexts:\n- context:\n    cluster: kubelab\n${ctx.namespace !== 'default' ? `    namespace: ${ctx.namespace}\n` : ''}    user: kubelab-admin\n  name: kubelab\ncurrent-context: kubelab\nkind: Config\npreferences: {}\nusers:\n- name: kubelab-admin\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n`;
      return ok(view);
    }
    default:
      return fail(`error: unknown command "${sub ?? ''}" for "kubectl config"\nRun 'kubectl config --help' for usage.`);
  }
}
