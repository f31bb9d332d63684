/** `kubectl create secret docker-registry NAME --docker-username … --docker-password …` (create_secret_docker.go). */
import { marshalGoJson } from '../../printers/json.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { base64, SecretData, secretObject } from './secret.ts';
import { SECRET } from './types.ts';

export async function createSecretDockerRegistry(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create secret docker-registry',
    flags: [
      { name: 'docker-username', type: 'string' },
      { name: 'docker-password', type: 'string' },
      { name: 'docker-email', type: 'string' },
      { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
      { name: 'append-hash', type: 'bool' },
      { name: 'from-file', type: 'strings' },
    ],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const files = o.flags.strings('from-file');
  const username = o.flags.string('docker-username') ?? '';
  const password = o.flags.string('docker-password') ?? '';
  const email = o.flags.string('docker-email') ?? '';
  const server = o.flags.string('docker-server') ?? '';
  if (files.length === 0 && (username === '' || password === '' || server === '')) {
    return fail(
      'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
    );
  }
  const data = new SecretData();
  if (files.length > 0) {
    const error = data.addFiles(ctx, files);
    if (error) return fail(`error: ${error}\n`);
  } else {
    // DockerConfigJSON{Auths: {server: {username, password, email, auth}}}, every field omitempty.
    const entry: Record<string, string> = {};
    if (username) entry.username = username;
    if (password) entry.password = password;
    if (email) entry.email = email;
    const auth = base64(`${username}:${password}`);
    if (auth) entry.auth = auth;
    data.data['.dockerconfigjson'] = base64(marshalGoJson({ auths: { [server]: entry } }, { typed: true }));
  }
  const secret = secretObject(
    o.name,
    o.enforceNamespace ? o.namespace : undefined,
    'kubernetes.io/dockerconfigjson',
    data.data,
    o.flags.bool('append-hash'),
  );
  return finishCreate(ctx, o, SECRET, secret, { wrap: 'failed to create secret ' });
}
