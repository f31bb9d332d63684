import { defaultContainer, type PodContainers } from '../containers.ts';
import type { ExecResponse, KubeObject } from '../../../engine/index.ts';
import { responseError } from '../errors.ts';
import { parseFlags } from '../flags.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

/**
 * `kubectl cp` between the local files (the CLI's disk, the browser's editor files) and a
 * container: a file's text is written with `cat >` and read with `cat` through the exec
 * subresource, instead of kubectl's tar stream. Directories are not copied.
 */
interface RemoteSpec {
  namespace: string | undefined;
  pod: string;
  path: string;
}

/** remoteSpec reads `[namespace/]pod:path`, or undefined for a local path. */
function remoteSpec(spec: string): RemoteSpec | undefined {
  const colon = spec.indexOf(':');
  if (colon <= 0) return undefined;
  const head = spec.slice(0, colon);
  const path = spec.slice(colon + 1);
  const slash = head.indexOf('/');
  if (slash >= 0) return { namespace: head.slice(0, slash), pod: head.slice(slash + 1), path };
  return { namespace: undefined, pod: head, path };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function basename(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

async function pickContainer(
  ctx: KubectlContext,
  namespace: string,
  pod: string,
  requested: string | undefined,
): Promise<{ container: string; notice: string } | CommandResult> {
  const response = await ctx.client.request<KubeObject>({
    verb: 'GET',
    path: `/api/v1/namespaces/${namespace}/pods/${pod}`,
  });
  const error = responseError(response);
  if (error) return { stdout: '', stderr: error, exitCode: 1 };
  if (requested) return { container: requested, notice: '' };
  const { container, notice } = defaultContainer(response.body as PodContainers);
  return { container, notice };
}

async function exec(
  ctx: KubectlContext,
  namespace: string,
  pod: string,
  container: string,
  command: string[],
  stdin?: string,
): Promise<ExecResponse | string> {
  const response = await ctx.client.request<ExecResponse>({
    verb: 'POST',
    path: `/api/v1/namespaces/${namespace}/pods/${pod}/exec`,
    body: { command, container, ...(stdin !== undefined ? { stdin } : {}) },
  });
  const error = responseError(response);
  return error ?? response.body;
}

export async function cpCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'no-preserve', type: 'bool' },
    { name: 'retries', type: 'int', default: 0 },
  ]);
  const [source, destination] = flags.positional;
  if (source === undefined || destination === undefined || flags.positional.length !== 2)
    return fail('error: source and destination are required');
  const from = remoteSpec(source);
  const to = remoteSpec(destination);
  if (!from && !to) return fail('error: one of src or dest must be a remote file specification');
  if (from && to) return fail('error: one of src or dest must be a local file specification');
  const defaultNamespace = flags.string('namespace') ?? ctx.namespace;
  if (to) {
    const text = ctx.readFile?.(source);
    if (text === undefined) return fail(`error: ${source} doesn't exist in local filesystem`);
    const namespace = to.namespace ?? defaultNamespace;
    const picked = await pickContainer(ctx, namespace, to.pod, flags.string('container'));
    if ('exitCode' in picked) return picked;
    const target = to.path === '' || to.path.endsWith('/') ? `${to.path}${basename(source)}` : to.path;
    const result = await exec(
      ctx,
      namespace,
      to.pod,
      picked.container,
      ['sh', '-c', `cat > ${shellQuote(target)}`],
      text,
    );
    if (typeof result === 'string') return { stdout: '', stderr: picked.notice + result, exitCode: 1 };
    if (result.exitCode !== 0)
      return {
        stdout: '',
        stderr: `${picked.notice}${result.stderr}error: command terminated with exit code ${result.exitCode}\n`,
        exitCode: 1,
      };
    return { stdout: '', stderr: picked.notice, exitCode: 0 };
  }
  const remote = from as RemoteSpec;
  const namespace = remote.namespace ?? defaultNamespace;
  const picked = await pickContainer(ctx, namespace, remote.pod, flags.string('container'));
  if ('exitCode' in picked) return picked;
  const result = await exec(ctx, namespace, remote.pod, picked.container, ['cat', remote.path]);
  if (typeof result === 'string') return { stdout: '', stderr: picked.notice + result, exitCode: 1 };
  if (result.exitCode !== 0)
    return {
      stdout: '',
      stderr: `${picked.notice}${result.stderr}error: command terminated with exit code ${result.exitCode}\n`,
      exitCode: 1,
    };
  const target = destination.endsWith('/') ? `${destination}${basename(remote.path)}` : destination;
  if (!ctx.writeFile) return fail('error: kubectl cp cannot write local files here');
  if (!ctx.writeFile(target, result.stdout)) return fail(`error: open ${target}: no such file or directory`);
  return { stdout: '', stderr: picked.notice, exitCode: 0 };
}
