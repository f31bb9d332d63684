/**
 * The golden table of `kubectl create` generator invocations that create.golden.test.ts runs
 * through both the emulator and the real kubectl 1.35 (recorded in fixtures.json by
 * src/testing/record-create-fixtures.ts). Each generator case is expanded with
 * `--dry-run=client -o yaml` and `-o json`; `exact` cases run as written.
 */
import type { ClusterClient } from '../../../../engine/index.ts';
import type { CommandResult, KubectlContext } from '../../types.ts';
import { createCommand } from './index.ts';

export interface GoldenCase {
  /** args after `kubectl create`. */
  args: string[];
  /** exact: run args as they are, without adding --dry-run and -o. */
  exact?: boolean;
  /** files the command reads, by relative path (the oracle runs in a folder holding them). */
  files?: Record<string, string>;
  /** server: the output depends on objects in the simulated cluster, so no fixture is kept. */
  server?: boolean;
  /** normalize rewrites what kubectl cannot reproduce (klog timestamps) before comparing. */
  normalize?: 'klog';
}

/** A throw-away self-signed EC certificate and key for `create secret tls` (test data only). */
export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgofSLb4Be3K++iS5r
Yx0cyV58Dy2Fqn662VDWnRLKsfGhRANCAATqarsxqu4x76Hsv06PH3abPRYS4X8E
QqKt4j2PPLPk09MAbsyPIPixFOazbmX4/ILzBQ8PdW3NYjnWJ8xXk+V8
-----END PRIVATE KEY-----
`;
export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBhDCCASmgAwIBAgIUS/zSvmS7RivhVH8syMPs15eFjMwwCgYIKoZIzj0EAwIw
FjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wIBcNMjYxMTIzMTUxNDQwWhgPMjEyNjEw
MzAxNTE0NDBaMBYxFDASBgNVBAMMC2V4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAE6mq7MaruMe+h7L9Ojx92mz0WEuF/BEKireI9jzyz5NPTAG7M
jyD4sRTms25l+PyC8wUPD3VtzWI51ifMV5PlfKNTMFEwHQYDVR0OBBYEFKWOTQ6t
Btt8pcot1/ivtLnhhaSKMB8GA1UdIwQYMBaAFKWOTQ6tBtt8pcot1/ivtLnhhaSK
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAP3DJKnEy2bh6Uls
dNvJQk8AOXavStvXhbCwLRI/sDmYAiEAzGpVdW6krSR2L5fDZSkWOUV9JCO9O8FP
OnJnSSkL0Dc=
-----END CERTIFICATE-----
`;

const PROPERTIES = 'color=blue\nsize=10\n# comment line\nmessage=hello world  \n';
const ENV_FILE = '# settings\nMODE=production\n\n  LEVEL=debug=verbose\nEMPTY=\nQUOTED="a b"\r\n';
const CONFIG_DIR = { 'conf/a.conf': 'alpha\n', 'conf/b.yaml': 'beta: 1\n', 'conf/nested/c.txt': 'hidden\n' };
const LONG = 'All work and no play makes Jack a dull boy. '.repeat(4).trim();

/** GOLDEN_CASES is the table; keep it growing when a generator learns something new. */
export const GOLDEN_CASES: GoldenCase[] = [
  // deployment
  { args: ['deployment', 'web', '--image=nginx'] },
  { args: ['deployment', 'web', '--image=nginx', '--replicas=3', '--port=8080'] },
  { args: ['deployment', 'web', '--image=nginx:1.25', '--image=redis', '--image=gcr.io/x/busybox@sha256:abc'] },
  { args: ['deploy', 'sleeper', '--image=busybox', '--', 'sleep', '3600'] },
  { args: ['deployment', 'web', '--image=nginx', '-n', 'team-a'] },
  { args: ['deployment', 'web', '--image=nginx', '--save-config'] },
  { args: ['deployment', 'web', '--image=nginx', '-r', '2'] },
  { args: ['deployment', 'web'] },
  { args: ['deployment', '--image=nginx'] },
  { args: ['deployment', 'a', 'b', '--image=x'] },
  { args: ['deployment', 'web', '--image=a', '--image=b', '--', 'run'] },
  { args: ['deployment', 'web', '--image=nginx', '--foo'] },
  { args: ['deployment', 'web', '--image=nginx', '--replicas=x'] },
  // service
  { args: ['service', 'clusterip', 'web', '--tcp=80:8080,443:https'] },
  { args: ['service', 'clusterip', 'headless', '--clusterip=None'] },
  { args: ['service', 'nodeport', 'web', '--tcp=80', '--node-port=30080'] },
  { args: ['service', 'loadbalancer', 'web', '--tcp=80:8080', '--tcp=9000'] },
  { args: ['service', 'externalname', 'db', '--external-name=db.example.com'] },
  { args: ['service', 'externalname', 'db', '--external-name=Bad_Name'] },
  { args: ['service', 'externalname', 'db'] },
  { args: ['service', 'clusterip', 'web'] },
  { args: ['service', 'clusterip', 'web', '--tcp=abc'] },
  { args: ['service', 'clusterip', 'web', '--tcp=80:Bad--Name'] },
  { args: ['service', 'clusterip', 'web', '--tcp=80:70000'] },
  { args: ['svc', 'nodeport', 'web', '--tcp=80', '-n', 'x'] },
  { args: ['service'], exact: true },
  { args: ['service', 'foo', 'x'], exact: true },
  // configmap
  { args: ['configmap', 'settings', '--from-literal=color=blue', '--from-literal=greeting=hello world, friends'] },
  { args: ['configmap', 'settings', '--from-literal=k=v=w', '--from-literal=empty='] },
  { args: ['configmap', 'app', '--from-file=app.properties'], files: { 'app.properties': PROPERTIES } },
  {
    args: ['configmap', 'app', '--from-file=key1=app.properties', '--from-file=conf'],
    files: { 'app.properties': PROPERTIES, ...CONFIG_DIR },
  },
  { args: ['configmap', 'env', '--from-env-file=app.env'], files: { 'app.env': ENV_FILE } },
  { args: ['configmap', 'c', '--from-literal=bad/key=1'] },
  { args: ['configmap', 'c', '--from-literal=a=1', '--from-literal=a=2'] },
  { args: ['configmap', 'c', '--from-env-file=app.env', '--from-literal=a=b'], files: { 'app.env': ENV_FILE } },
  { args: ['configmap', 'c', '--from-file=missing.txt'] },
  { args: ['configmap', 'c', '--from-literal=noequals'] },
  { args: ['cm', 'c', '--from-literal=a=1', '--append-hash'] },
  { args: ['configmap', 'c', '--from-file=key=conf'], files: CONFIG_DIR },
  { args: ['configmap', 'c', '--from-file==x'] },
  {
    args: [
      'configmap',
      'text',
      '--from-literal',
      `long=${LONG}`,
      '--from-literal=multi=line one\nline two\n',
      '--from-literal=yes=yes',
    ],
  },
  {
    args: [
      'configmap',
      'tricky',
      '--from-literal=t=a\tb',
      '--from-literal=lead= x',
      '--from-literal=colon=a: b',
      '--from-literal=num=0o17',
      '--from-literal=date=2024-01-15',
    ],
  },
  { args: ['configmap', 'control', '--from-literal=del=\u007f'] },
  // secret
  { args: ['secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=pass=s3cr3t'] },
  {
    args: ['secret', 'generic', 'ssh', '--from-file=ssh-key=id_rsa', '--type=kubernetes.io/ssh-auth'],
    files: { id_rsa: 'not really a key\n' },
  },
  { args: ['secret', 'generic', 's', '--from-literal=a=b', '--append-hash'] },
  { args: ['secret', 'generic', 's', '--from-literal=bad key=1'] },
  { args: ['secret', 'generic', 's', '--from-env-file=app.env'], files: { 'app.env': ENV_FILE } },
  {
    args: ['secret', 'tls', 'cert', '--cert=tls.crt', '--key=tls.key'],
    files: { 'tls.crt': TEST_TLS_CERT, 'tls.key': TEST_TLS_KEY },
  },
  { args: ['secret', 'tls', 'cert', '--cert=tls.crt'], files: { 'tls.crt': TEST_TLS_CERT } },
  { args: ['secret', 'tls', 'cert', '--cert=missing.crt', '--key=tls.key'], files: { 'tls.key': TEST_TLS_KEY } },
  {
    args: [
      'secret',
      'docker-registry',
      'regcred',
      '--docker-username=u',
      '--docker-password=p',
      '--docker-email=e@x.com',
    ],
  },
  {
    args: [
      'secret',
      'docker-registry',
      'regcred',
      '--docker-server=registry.example.com:5000',
      '--docker-username=u',
      '--docker-password=p<&>',
    ],
  },
  { args: ['secret', 'docker-registry', 'regcred', '--docker-username=u'] },
  { args: ['secret'], exact: true },
  { args: ['secret', 'nope'], exact: true },
  // job and cronjob
  { args: ['job', 'hello', '--image=busybox', '--', 'echo', 'hi'] },
  { args: ['job', 'hello', '--image=busybox', '-n', 'batch'] },
  { args: ['job', 'hello'] },
  { args: ['job', 'hello', '--image=x', '--from=cronjob/y'] },
  { args: ['job', 'manual', '--from=cronjob/nightly'], server: true },
  { args: ['job', 'manual', '--from=cronjob/missing'] },
  { args: ['cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date'] },
  { args: ['cronjob', 'tick', '--image=busybox', '--schedule=0 0 * * *', '--restart=Never'] },
  { args: ['cronjob', 'tick', '--image=busybox'] },
  // namespace and service account
  { args: ['namespace', 'team-a'] },
  { args: ['ns', 'team-b', '-n', 'other'] },
  { args: ['serviceaccount', 'build-bot'] },
  { args: ['sa', 'build-bot', '-n', 'ci'] },
  // role and clusterrole (resources resolved through discovery)
  { args: ['role', 'pod-reader', '--verb=get', '--verb=list', '--verb=watch', '--resource=pods'] },
  {
    args: [
      'role',
      'r',
      '--verb=get,list',
      '--resource=deployments.apps,rs,pods/log,svc',
      '--resource-name=web',
      '--resource-name=api',
      '--resource-name=web',
    ],
  },
  { args: ['role', 'r', '--verb=get', '--resource=foo'] },
  { args: ['role', 'r', '--verb=get', '--resource=deployment.extensions'] },
  { args: ['role', 'r', '--verb=frob', '--resource=pods'] },
  { args: ['role', 'r', '--verb=use', '--resource=pods'] },
  { args: ['role', 'r', '--verb=get'] },
  { args: ['role', 'r', '--verb=*,get', '--resource=*,pods'] },
  {
    args: [
      'clusterrole',
      'cr',
      '--verb=get',
      '--resource=nodes',
      '--non-resource-url=/healthz',
      '--non-resource-url=/metrics*',
    ],
  },
  { args: ['clusterrole', 'monitoring', '--aggregation-rule=rbac.example.com/aggregate-to-monitoring=true'] },
  { args: ['clusterrole', 'cr', '--verb=list', '--non-resource-url=/x'] },
  { args: ['clusterrole', 'cr', '--verb=get', '--non-resource-url=/a*b'] },
  { args: ['clusterrole', 'cr', '--aggregation-rule=ab'] },
  { args: ['clusterrole', 'cr', '--aggregation-rule=a=b', '--verb=get'] },
  // bindings
  { args: ['rolebinding', 'rb', '--role=pod-reader', '--user=jane', '--group=devs', '--serviceaccount=default:bot'] },
  { args: ['rolebinding', 'rb', '--clusterrole=view', '--serviceaccount=bad'] },
  { args: ['rolebinding', 'rb'] },
  { args: ['clusterrolebinding', 'crb', '--clusterrole=cluster-admin', '--user=admin', '--user=root'] },
  { args: ['clusterrolebinding', 'crb'] },
  // quota
  { args: ['quota', 'q', '--hard=cpu=1,memory=1Gi,pods=10,requests.cpu=500m', '--scopes=BestEffort,NotTerminating'] },
  { args: ['quota', 'q', '--hard=cpu=1000m,memory=1024Mi,requests.storage=0.5'] },
  { args: ['quota', 'q', '--hard=cpu'] },
  { args: ['quota', 'q', '--hard=cpu=abc'] },
  { args: ['resourcequota', 'empty'] },
  // pod disruption budget
  { args: ['pdb', 'p', '--selector=app=web', '--min-available=2'] },
  { args: ['poddisruptionbudget', 'p', '--selector=app=web,tier in (fe,be),!legacy', '--max-unavailable=25%'] },
  { args: ['pdb', 'p', '--selector=app=web'] },
  { args: ['pdb', 'p', '--min-available=1'] },
  { args: ['pdb', 'p', '--selector=app=web', '--min-available=1Gb'] },
  // priority class
  { args: ['priorityclass', 'high', '--value=1000', '--description=For the important pods', '--global-default'] },
  { args: ['pc', 'low', '--value=-5', '--preemption-policy=Never'] },
  // ingress
  { args: ['ingress', 'simple', '--rule=foo.com/bar=svc1:8080,tls=my-cert'] },
  { args: ['ingress', 'catch-all', '--class=otheringress', '--rule=/path=svc:port'] },
  {
    args: [
      'ingress',
      'multi',
      '--rule=foo.com/=svc:port',
      '--rule=foo.com/admin/=svcadmin:portadmin',
      '--rule=bar.com/admin*=svc2:http',
      '--annotation=a=b',
    ],
  },
  {
    args: [
      'ingress',
      'def',
      '--default-backend=defaultsvc:http',
      '--rule=foo.com/*=svc:8080,tls=secret1',
      '--rule=bar.com/*=svc:8080,tls=secret1',
      '--rule=baz.com/x=svc:80,tls',
    ],
  },
  { args: ['ingress', 'bad', '--rule=foo'] },
  { args: ['ingress', 'none'] },
  // printers and shared flags
  { args: ['deployment', 'web', '--image=nginx', '--dry-run=client'], exact: true },
  { args: ['deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'name'], exact: true },
  { args: ['deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={.spec.replicas}'], exact: true },
  {
    args: [
      'deployment',
      'web',
      '--image=nginx',
      '--replicas=1000000',
      '--dry-run=client',
      '-o',
      'jsonpath={.spec.replicas} {.spec.template.spec.containers[0]}',
    ],
    exact: true,
  },
  {
    args: [
      'deployment',
      'web',
      '--image=nginx',
      '--dry-run=client',
      '-o',
      'jsonpath={.foo}',
      '--allow-missing-template-keys=false',
    ],
    exact: true,
  },
  {
    args: ['deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'jsonpath-as-json={.metadata.name}'],
    exact: true,
  },
  {
    args: [
      'deployment',
      'web',
      '--image=nginx',
      '--dry-run=client',
      '-o',
      'jsonpath={range .spec.template.spec.containers[*]}{.name}={.image}{"\\n"}{end}',
    ],
    exact: true,
  },
  { args: ['namespace', 'x', '--dry-run=client', '-o', 'foo'], exact: true },
  { args: ['namespace', 'x', '--dry-run=foo'], exact: true },
  { args: ['namespace', 'x', '--dry-run=client', '--validate=foo'], exact: true },
  { args: ['namespace', 'x', '--dry-run=client', '-o', 'jsonpath'], exact: true },
  { args: ['namespace', 'x', '--dry-run=client', '-o', 'jsonpath={.a'], exact: true },
  { args: ['namespace', 'x', '--dry-run', '-o', 'name'], exact: true, normalize: 'klog' },
  { args: ['namespace', 'x', '--dry-run=client', '--validate', '-oyaml'], exact: true },
  { args: ['configmap', 'control', '--from-literal=del=\u007f', '--dry-run=client', '-o', 'name'], exact: true },
  { args: ['deployment', 'web', '--image=nginx', '--image=redis', '--dry-run=client', '-o', 'kyaml'], exact: true },
  {
    args: [
      'configmap',
      'k',
      '--from-literal=multi=line one\n  indented\nlast',
      '--from-literal=1=true',
      '--from-literal=yes=-x',
      '--from-literal=t=tab\there "q"',
      '--dry-run=client',
      '-o',
      'kyaml',
    ],
    exact: true,
  },
  {
    args: [
      'configmap',
      'k2',
      '--from-literal=a=\u0001',
      '--from-literal=b=a\rb',
      '--from-literal=c=\u00a0',
      '--from-literal=d=\u2028',
      '--from-literal=f=😀',
      '--from-literal=j=\ttab\n\tnext',
      '--from-literal=z=',
      '--dry-run=client',
      '-o',
      'kyaml',
    ],
    exact: true,
  },
  {
    args: ['role', 'r', '--verb=get,list', '--resource=pods,deployments.apps', '--dry-run=client', '-o', 'kyaml'],
    exact: true,
  },
  { args: ['service', 'clusterip', 'web', '--tcp=80:8080', '--dry-run=client', '-o', 'kyaml'], exact: true },
  { args: [], exact: true },
  { args: ['foo'], exact: true },
  { args: ['--help'], exact: true },
  { args: ['deployment', '--help'], exact: true },
  { args: ['secret', 'generic', '-h'], exact: true },
];

/** invocations expands a case to the argument lists to run (after `kubectl create`). */
export function invocations(c: GoldenCase): string[][] {
  if (c.exact) return [c.args];
  const dash = c.args.indexOf('--');
  const head = dash >= 0 ? c.args.slice(0, dash) : c.args;
  const tail = dash >= 0 ? c.args.slice(dash) : [];
  return ['yaml', 'json'].map((format) => [...head, '--dry-run=client', '-o', format, ...tail]);
}

/** caseKey names an invocation in fixtures.json. */
export function caseKey(args: string[]): string {
  return JSON.stringify(args);
}

/** normalized applies a case's normalization to a result. */
export function normalized(c: GoldenCase, result: CommandResult): CommandResult {
  if (c.normalize !== 'klog') return result;
  return {
    ...result,
    stderr: result.stderr.replace(/^W\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ /gm, 'W0000 00:00:00.000000 PID '),
  };
}

/** NIGHTLY is the CronJob `--from=cronjob/nightly` copies. */
export const NIGHTLY = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'nightly', namespace: 'default' },
  spec: {
    schedule: '0 3 * * *',
    jobTemplate: {
      metadata: { labels: { team: 'ops' }, annotations: { note: 'from template' } },
      spec: {
        template: {
          spec: {
            containers: [{ name: 'backup', image: 'busybox', command: ['sh', '-c', 'echo backup'] }],
            restartPolicy: 'OnFailure',
          },
        },
      },
    },
  },
};

/** prepareCluster adds the objects the server-dependent cases read. */
export async function prepareCluster(client: ClusterClient): Promise<void> {
  await client.request({ verb: 'POST', path: '/apis/batch/v1/namespaces/default/cronjobs', body: NIGHTLY });
}

/** runOurs runs one invocation through the emulator with the case's files. */
export async function runOurs(c: GoldenCase, args: string[], client: ClusterClient): Promise<CommandResult> {
  const files = c.files ?? {};
  const ctx: KubectlContext = {
    client,
    namespace: 'default',
    now: () => Date.UTC(2025, 0, 15, 10, 0, 0),
    readFile: (path) => files[path],
    listDir: (path) => {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const inside = Object.keys(files).filter((f) => f.startsWith(prefix));
      return inside.length ? inside : undefined;
    },
  };
  return normalized(c, await createCommand(args, ctx));
}
