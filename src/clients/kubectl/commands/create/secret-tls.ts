/** `kubectl create secret tls NAME --cert=path --key=path` (create_secret_tls.go). */
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { base64, secretObject } from './secret.ts';
import { SECRET } from './types.ts';

/** pemTypes lists the PEM block types in a text, in order. */
function pemTypes(text: string): string[] {
  return [...text.matchAll(/-----BEGIN ([^-\n]+)-----[\s\S]*?-----END \1-----/g)].map((m) => m[1] as string);
}

/**
 * checkKeyPair is the part of tls.X509KeyPair the simulation can judge: both inputs must hold the
 * right PEM blocks. (Whether the key matches the certificate is not checked.)
 */
function checkKeyPair(cert: string, key: string): string | undefined {
  const certTypes = pemTypes(cert);
  if (certTypes.length === 0) return 'tls: failed to find any PEM data in certificate input';
  if (!certTypes.includes('CERTIFICATE')) {
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${certTypes.join(' ')}]`;
  }
  const keyTypes = pemTypes(key);
  if (keyTypes.length === 0) return 'tls: failed to find any PEM data in key input';
  if (!keyTypes.some((t) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY'))) {
    return `tls: failed to find "PRIVATE KEY" PEM block in key input after skipping PEM blocks of the following types: [${keyTypes.join(' ')}]`;
  }
  return undefined;
}

export async function createSecretTls(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create secret tls',
    flags: [
      { name: 'cert', type: 'string' },
      { name: 'key', type: 'string' },
      { name: 'append-hash', type: 'bool' },
    ],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const certPath = o.flags.string('cert') ?? '';
  const keyPath = o.flags.string('key') ?? '';
  if (certPath === '' || keyPath === '') return fail('error: key and cert must be specified\n');
  const cert = ctx.readFile?.(certPath);
  if (cert === undefined)
    return fail(`error: Cannot read file ${certPath}, open ${certPath}: no such file or directory\n`);
  const key = ctx.readFile?.(keyPath);
  if (key === undefined)
    return fail(`error: Cannot read file ${keyPath}, open ${keyPath}: no such file or directory\n`);
  const invalid = checkKeyPair(cert, key);
  if (invalid) return fail(`error: ${invalid}\n`);
  const data = { 'tls.crt': base64(cert), 'tls.key': base64(key) };
  const secret = secretObject(
    o.name,
    o.enforceNamespace ? o.namespace : undefined,
    'kubernetes.io/tls',
    data,
    o.flags.bool('append-hash'),
  );
  return finishCreate(ctx, o, SECRET, secret, { wrap: 'failed to create secret: ' });
}
