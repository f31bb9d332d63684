import { objectPath, type KubeObject, type ResourceType } from '../../../engine/index.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import { parseOutput, printObjects, templateOptions } from '../output.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';
import { logsCommand } from './logs.ts';

const RUN_FLAGS: FlagSpec[] = [
  // The flags kubectl run inherits from delete for --rm, and -f/-k (accepted, as kubectl does).
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'leave-stdin-open', type: 'bool' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'wait', type: 'bool' },
  { name: 'image', type: 'string' },
  { name: 'restart', type: 'string', default: 'Always' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'env', type: 'strings' },
  { name: 'port', type: 'string' },
  { name: 'expose', type: 'bool' },
  { name: 'command', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'annotations', type: 'strings' },
  { name: 'serviceaccount', type: 'string' },
  { name: 'privileged', type: 'bool' },
  { name: 'overrides', type: 'string' },
  { name: 'pod-running-timeout', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'override-type', type: 'string' },
];

const POD_TYPE: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  singular: 'pod',
  shortNames: ['po'],
  namespaced: true,
  verbs: [],
};

/** buildRunPod is the pod `kubectl run` generates: label run=NAME, one container named NAME. */
export function buildRunPod(
  name: string,
  flags: ReturnType<typeof parseFlags>,
  namespace: string | undefined,
): KubeObject {
  const labels: Record<string, string> = {};
  const labelText = flags.string('labels');
  if (labelText)
    for (const pair of labelText.split(',')) {
      const [k = '', v = ''] = pair.split('=');
      labels[k] = v;
    }
  else labels.run = name;
  const container: Record<string, unknown> = { image: flags.string('image'), name };
  const trailing = flags.afterDash ?? flags.positional.slice(1);
  if (trailing.length > 0) {
    if (flags.bool('command')) container.command = trailing;
    else container.args = trailing;
  }
  const env = flags.strings('env');
  if (env.length > 0)
    container.env = env.map((e) => {
      const eq = e.indexOf('=');
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
  if (flags.string('image-pull-policy')) container.imagePullPolicy = flags.string('image-pull-policy');
  const port = flags.string('port');
  if (port) container.ports = [{ containerPort: Number(port) }];
  container.resources = {};
  if (flags.bool('stdin')) container.stdin = true;
  if (flags.bool('stdin') && !flags.bool('attach') && flags.bool('rm')) container.stdinOnce = true;
  if (flags.bool('tty')) container.tty = true;
  const annotations: Record<string, string> = {};
  for (const a of flags.strings('annotations')) {
    const eq = a.indexOf('=');
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(Object.keys(annotations).length ? { annotations } : {}),
      labels,
      name,
      ...(namespace ? { namespace } : {}),
    },
    spec: {
      containers: [container],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: flags.string('restart') ?? 'Always',
      ...(flags.string('serviceaccount') ? { serviceAccountName: flags.string('serviceaccount') } : {}),
    },
    status: {},
  } as KubeObject;
}

/** runCommand is `kubectl run NAME --image=IMAGE`: it creates a bare pod, and with --rm -i waits for it, shows its output and deletes it. */
export async function runCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, RUN_FLAGS);
  const name = flags.positional[0];
  if (!name) return fail("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  if (!flags.string('image')) return fail('error: --image is required');
  const restart = flags.string('restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return fail(`error: invalid restart policy: ${restart}`);
  if (flags.bool('rm') && !flags.bool('stdin') && !flags.bool('attach'))
    return fail('error: --rm should only be used for attached containers');
  const output = parseOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const dryRun = flags.string('dry-run') ?? 'none';
  const pod = buildRunPod(name, flags, dryRun === 'client' ? undefined : namespace);
  if (dryRun === 'client') {
    if (output.kind === 'table') return { stdout: `pod/${name} created (dry run)\n`, stderr: '', exitCode: 0 };
    const printed = printObjects(output, [{ type: POD_TYPE, object: pod }], true);
    return printed.ok ? { stdout: printed.text, stderr: '', exitCode: 0 } : fail(printed.error, 1, printed.stdout);
  }
  const created = await ctx.client.request<KubeObject>({
    verb: 'POST',
    path: objectPath(POD_TYPE, namespace),
    body: pod,
    ...(dryRun === 'server' ? { query: { dryRun: 'All' } } : {}),
  });
  const error = responseError(created);
  if (error) return { stdout: '', stderr: error, exitCode: 1 };
  if (output.kind !== 'table') {
    const printed = printObjects(output, [{ type: POD_TYPE, object: created.body }], true);
    return printed.ok ? { stdout: printed.text, stderr: '', exitCode: 0 } : fail(printed.error, 1, printed.stdout);
  }
  if (!(flags.bool('stdin') || flags.bool('attach')) || !ctx.advance)
    return { stdout: `pod/${name} created\n`, stderr: '', exitCode: 0 };
  // Attached: wait for the pod to run to completion (or to start, for long-running ones), print its output.
  let phase = '';
  for (let waited = 0; waited < 5 * 60_000; waited += 1000) {
    const current = await ctx.client.request<KubeObject>({ verb: 'GET', path: objectPath(POD_TYPE, namespace, name) });
    phase = (current.body as { status?: { phase?: string } }).status?.phase ?? '';
    if (phase === 'Succeeded' || phase === 'Failed') break;
    await ctx.advance(1000);
  }
  const logs = await logsCommand([name, '-n', namespace], ctx);
  let stdout = logs.stdout;
  let stderr = '';
  if (flags.bool('rm')) {
    await ctx.client.request({
      verb: 'DELETE',
      path: objectPath(POD_TYPE, namespace, name),
      body: { gracePeriodSeconds: 0 },
    });
    stdout += `pod "${name}" deleted from ${namespace} namespace\n`;
  }
  if (phase !== 'Succeeded' && phase !== 'Failed') stderr = `If you don't see a command prompt, try pressing enter.\n`;
  return { stdout, stderr, exitCode: phase === 'Failed' ? 1 : 0 };
}
