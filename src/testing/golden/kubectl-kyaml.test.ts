import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKubectl } from '../../clients/kubectl/index.ts';
import { kyamlFromJson, printKyaml } from '../../clients/kubectl/printers/kyaml.ts';
import { YamlPrintError } from '../../clients/kubectl/printers/yaml.ts';
import type { CommandResult } from '../../clients/kubectl/types.ts';
import { createCluster, type Cluster } from '../../engine/index.ts';
import { oracleAvailable, runOracleAsync, startOracleServer } from '../oracle.ts';

/**
 * `kubectl create … --dry-run=client -o kyaml`, byte for byte with the real kubectl 1.35. Our side
 * prints the object our emulator builds (`-o json`) through the KYAML printer, as kubectl does:
 * json.Marshal, then sigs.k8s.io/yaml/kyaml over that JSON.
 */
const lit = (key: string, value: string) => `--from-literal=${key}=${value}`;

/** withOutput adds `--dry-run=client -o FORMAT` before a `--` that starts the container's command. */
function withOutput(args: string[], format: string): string[] {
  const dash = args.indexOf('--');
  const flags = ['--dry-run=client', '-o', format];
  return dash < 0 ? [...args, ...flags] : [...args.slice(0, dash), ...flags, ...args.slice(dash)];
}

const CASES: string[][] = [
  ['configmap', 'plain', lit('a', '1'), lit('b', 'x')],
  ['configmap', 'quotes', lit('dq', 'say "hi"'), lit('sq', "it's"), lit('both', `"'"`)],
  ['configmap', 'backslashes', lit('b', 'C:\\path\\to'), lit('e', '\\n is not a newline')],
  ['configmap', 'tabs', lit('t', 'a\tb'), lit('lead', '\tx'), lit('only', '\t')],
  ['configmap', 'unicode', lit('e', 'é'), lit('cjk', '日本語'), lit('rtl', 'שלום'), lit('zw', 'a\u200bb')],
  ['configmap', 'emoji', lit('e', '😀'), lit('flag', '🇳🇱'), lit('family', '👨‍👩‍👧')],
  ['configmap', 'spaces', lit('l', ' lead'), lit('t', 'trail '), lit('b', '  both  '), lit('s', ' ')],
  ['configmap', 'multi', lit('m', 'x\ny'), lit('t', 'x\ny\n'), lit('two', 'a\n\n'), lit('nl', '\n')],
  ['configmap', 'multi-indent', lit('m', ' a\n  b\n\tc\n d '), lit('crlf', 'a\r\nb')],
  ['configmap', 'numbers', lit('i', '1'), lit('n', '-1'), lit('f', '1.5'), lit('e', '1e3'), lit('h', '0x1F')],
  ['configmap', 'more-numbers', lit('o', '0o17'), lit('z', '017'), lit('u', '1_000'), lit('inf', '.inf')],
  ['configmap', 'bools', lit('y', 'yes'), lit('n', 'no'), lit('on', 'on'), lit('off', 'OFF'), lit('t', 'True')],
  ['configmap', 'nulls', lit('null', 'null'), lit('tilde', '~'), lit('nil', 'nil'), lit('N', 'NULL')],
  ['configmap', 'empty', lit('e', ''), lit('f', '')],
  ['configmap', 'dates', lit('d', '2024-01-15'), lit('t', '2024-01-15T10:00:00Z'), lit('s', '11:30')],
  ['configmap', 'key-quoting', lit('yes', '1'), lit('no', '2'), lit('1', 'a'), lit('10', 'b'), lit('2', 'c')],
  ['configmap', 'key-edges', lit('-a', '1'), lit('a-', '2'), lit('.a', '3'), lit('a.', '4'), lit('_', '5')],
  ['configmap', 'key-interior', lit('a-b.c_d', '1'), lit('1e3', '2'), lit('2024-01-02', '3'), lit('0x1F', '4')],
  ['configmap', 'controls', lit('c', '\x01\x1b\r\x0b\x0c\x07\x08')],
  ['configmap', 'spaces-unicode', lit('nbsp', 'a\u00a0b'), lit('ls', 'a\u2028b'), lit('bom', '\ufeffx')],
  ['configmap', 'nel', lit('n', 'a\u0085b'), lit('nn', 'a\u0085\u0085b')],
  ['configmap', 'del', lit('d', 'a\u007fb')],
  ['configmap', 'long', lit('l', 'word '.repeat(40).trim()), lit('ml', `${'x'.repeat(100)}\n${'y'.repeat(100)}`)],
  ['configmap', 'yaml-ish', lit('a', '- x'), lit('b', 'a: b'), lit('c', '# c'), lit('d', '{x}'), lit('e', '[1]')],
  ['configmap', 'doc-markers', lit('a', '---'), lit('b', '...'), lit('c', 'x\n---\ny')],
  ['secret', 'generic', 's', lit('user', 'admin'), lit('pw', 'p@ss"w\\rd')],
  ['secret', 'generic', 'typed', '--type=kubernetes.io/basic-auth', lit('username', 'u'), lit('password', 'p')],
  ['secret', 'docker-registry', 'reg', '--docker-username=u', '--docker-password=p', '--docker-server=r.io'],
  ['deployment', 'web', '--image=nginx'],
  ['deployment', 'multi', '--image=nginx', '--image=redis:7', '--replicas=3', '--port=80'],
  ['deployment', 'cmd', '--image=busybox', '--', 'sh', '-c', 'echo "hi"; sleep 3600'],
  ['service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443:8443'],
  ['service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30080'],
  ['service', 'loadbalancer', 'lb', '--tcp=5678:8080'],
  ['service', 'externalname', 'ext', '--external-name=example.com'],
  ['service', 'clusterip', 'headless', '--clusterip=None'],
  ['job', 'pi', '--image=perl', '--', 'perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'],
  ['cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *', '--', 'echo', 'hello\nworld'],
  ['role', 'reader', '--verb=get,list,watch', '--resource=pods,services,deployments.apps'],
  ['role', 'many', '--verb=get', '--verb=list', '--resource=pods', '--resource=configmaps', '--resource=secrets'],
  ['role', 'named', '--verb=get', '--resource=pods', '--resource-name=web', '--resource-name=db'],
  ['clusterrole', 'cr', '--verb=*', '--non-resource-url=/healthz', '--non-resource-url=/logs/*'],
  ['rolebinding', 'rb', '--role=reader', '--user=alice', '--group=devs', '--serviceaccount=default:sa'],
  ['ingress', 'simple', '--rule=foo.com/bar=svc1:8080'],
  ['ingress', 'tls', '--rule=foo.com/*=svc:https,tls=my-cert', '--class=nginx', '--annotation=a.b/c=d'],
  ['ingress', 'multi', '--rule=a.com/=a:80', '--rule=b.com/x*=b:81', '--default-backend=d:80'],
  ['quota', 'q', '--hard=cpu=1,memory=1G,pods=2,services=3', '--scopes=BestEffort'],
  ['namespace', 'ns'],
  ['serviceaccount', 'sa'],
  ['priorityclass', 'high', '--value=1000', '--description=very "important"', '--global-default=false'],
  ['poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=50%'],
];

describe.skipIf(!oracleAvailable())('kubectl create … -o kyaml matches kubectl 1.35', () => {
  let cluster: Cluster;
  let server: Awaited<ReturnType<typeof startOracleServer>>;
  beforeAll(async () => {
    cluster = createCluster();
    server = await startOracleServer(cluster);
  });
  afterAll(async () => {
    await server.close();
  });

  /** ours runs our `create … -o json` and prints that JSON as KYAML, failing as kubectl fails. */
  async function ours(args: string[]): Promise<CommandResult> {
    const ctx = { client: cluster, namespace: 'default', now: () => Date.UTC(2025, 0, 15, 10, 0, 0) };
    const json = await runKubectl(['create', ...withOutput(args, 'json')], ctx);
    if (json.exitCode !== 0) return json;
    try {
      return { stdout: kyamlFromJson(json.stdout), stderr: json.stderr, exitCode: 0 };
    } catch (e) {
      if (e instanceof YamlPrintError)
        return { stdout: '', stderr: `${json.stderr}error: ${e.message}\n`, exitCode: 1 };
      throw e;
    }
  }

  it('covers at least 40 invocations', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((args): [string, string[]] => [args.join(' '), args]))('create %s', async (_name, args) => {
    const real = await runOracleAsync([`--server=${server.url}`, 'create', ...withOutput(args, 'kyaml')]);
    expect(await ours(args)).toEqual(real);
  });

  it('prints the parsed object the same way when its keys keep their JSON order', async () => {
    const args = ['deployment', 'web', '--image=nginx', '--replicas=2'];
    const ctx = { client: cluster, namespace: 'default', now: () => Date.UTC(2025, 0, 15, 10, 0, 0) };
    const json = await runKubectl(['create', ...withOutput(args, 'json')], ctx);
    const real = await runOracleAsync([`--server=${server.url}`, 'create', ...withOutput(args, 'kyaml')]);
    expect(printKyaml(JSON.parse(json.stdout), { typed: true })).toBe(real.stdout);
  });
});
