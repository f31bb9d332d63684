/**
 * `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]` (create_ingress.go):
 * one rule per host, a trailing `*` makes the path a Prefix, `tls` collects hosts per secret.
 */
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, INGRESS, objectMeta } from './types.ts';

const RULE = /^([\w*\-.]*)(\/[^,=\n]*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?$/;

/** backend is buildIngressBackendSvc: `svc:port`, the port a number when it parses as one. */
function backend(service: string) {
  const [name = '', port = ''] = service.split(':');
  const number = /^[+-]?[0-9]+$/.test(port) ? Number(port) : undefined;
  return {
    service: { name, port: number !== undefined && number !== 0 ? { number } : number === 0 ? {} : { name: port } },
  };
}

function httpPath(pathsvc: string) {
  const [pathPart = '', service = ''] = pathsvc.split('=');
  let path = `/${pathPart}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(service) };
}

export async function createIngress(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create ingress',
    flags: [
      { name: 'class', type: 'string' },
      { name: 'default-backend', type: 'string' },
    ],
    arrayFlags: ['rule', 'annotation'],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const rules = done.arrays.get('rule') ?? [];
  const annotationArgs = done.arrays.get('annotation') ?? [];
  const defaultBackend = o.flags.string('default-backend') ?? '';
  const ingressClass = o.flags.string('class') ?? '';
  if (defaultBackend === '' && rules.length === 0) {
    return fail(
      'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n',
    );
  }
  for (const rule of rules) {
    if (!RULE.test(rule))
      return fail(`error: rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n`);
  }
  for (const annotation of annotationArgs) {
    if (!annotation.includes('='))
      return fail(`error: annotation ${annotation} is invalid and should be in format key=[value]\n`);
  }
  if (defaultBackend !== '' && defaultBackend.split(':').length !== 2)
    return fail('error: default-backend should be in format servicename:serviceport\n');

  const annotations: Record<string, string> = {};
  for (const annotation of annotationArgs) {
    const eq = annotation.indexOf('=');
    annotations[annotation.slice(0, eq)] = annotation.slice(eq + 1);
  }

  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const seenHosts = new Set<string>();
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0] ?? '';
    const secretParts = (parts[1] ?? '').split('=');
    const secret = secretParts.length > 1 ? (secretParts[1] ?? '') : '';
    const existing = tls.findIndex((t) => (t.secretName ?? '') === secret);
    if (seenHosts.has(host)) continue;
    if (existing > -1) {
      const entry = tls[existing] as { hosts?: string[] };
      entry.hosts = [...(entry.hosts ?? []), host];
      seenHosts.add(host);
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host !== '') entry.hosts = [host];
    if (secret !== '') entry.secretName = secret;
    if (entry.hosts || entry.secretName) tls.push(entry);
    seenHosts.add(host);
  }

  const ingressRules: { host?: string; http: { paths: ReturnType<typeof httpPath>[] } }[] = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0] ?? '';
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const existing = ingressRules.find((r) => (r.host ?? '') === host);
    if (existing) {
      existing.http.paths.push(path);
      continue;
    }
    ingressRules.push({ ...(host !== '' ? { host } : {}), http: { paths: [path] } });
  }

  const ingress = {
    kind: 'Ingress',
    apiVersion: apiVersion(INGRESS),
    metadata: objectMeta(
      o.name,
      o.enforceNamespace ? o.namespace : undefined,
      Object.keys(annotations).length ? { annotations } : {},
    ),
    spec: {
      ...(ingressClass !== '' ? { ingressClassName: ingressClass } : {}),
      ...(defaultBackend !== '' ? { defaultBackend: backend(defaultBackend) } : {}),
      ...(tls.length ? { tls } : {}),
      ...(ingressRules.length ? { rules: ingressRules } : {}),
    },
  };
  return finishCreate(ctx, o, INGRESS, ingress, { wrap: 'failed to create ingress: ' });
}
