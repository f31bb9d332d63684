import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKubectl } from '../../clients/kubectl/index.ts';
import { createCluster } from '../../engine/index.ts';
import { oracleAvailable, runOracle } from '../oracle.ts';
import { both, context, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * kubectl -o go-template (and template, go-template-file, templatefile, --template), compared byte for
 * byte with the real kubectl 1.35: offline through `create … --dry-run=client`, and `get` against a
 * served simulated cluster.
 */
const CONFIGMAP = ['create', 'configmap', 'cm', '--from-literal=n=1', '--from-literal=s=hello', '--dry-run=client'];
const DEPLOYMENT = ['create', 'deployment', 'd', '--image=nginx', '--replicas=3', '--port=80', '--dry-run=client'];

/** TEMPLATES run against the ConfigMap (C:) or the Deployment (D:); S: adds --allow-missing-template-keys=false. */
const TEMPLATES: string[] = [
  // fields, maps, printing
  'C:{{.kind}} {{.metadata.name}} {{.data.n}}',
  'C:{{.data}}|{{.metadata}}|{{.}}',
  'C:{{.nope}}|{{.data.nope}}|{{.nope.deeper.still}}',
  'C:{{.data.n.x}}',
  'C:{{.kind.Foo}}',
  'C:{{$.kind}} {{$}}',
  'D:{{.spec.replicas}} {{.spec.template.spec.containers}}',
  'D:{{.spec.strategy}}|{{.status}}|{{.metadata.creationTimestamp}}',
  'D:{{printf "%T %v %d" .spec.replicas .spec.replicas .spec.replicas}}',
  'D:{{(index .spec.template.spec.containers 0).ports}}',
  // range
  'C:{{range $k, $v := .data}}{{$k}}={{$v}};{{end}}',
  'C:{{range .data}}[{{.}}]{{end}}{{range .nope}}x{{else}}none{{end}}',
  'D:{{range $i, $c := .spec.template.spec.containers}}{{$i}}:{{$c.name}}:{{$c.image}}{{end}}',
  'D:{{range .spec.replicas}}*{{end}} {{range 2}}{{.}}{{end}}',
  'D:{{range $i, $r := .spec.replicas}}{{end}}',
  'C:{{range $k, $v := .data}}{{if eq $k "s"}}{{break}}{{end}}{{$k}}{{end}}|{{range .data}}{{continue}}x{{end}}',
  'C:{{range .data}}{{.x}}{{end}}',
  // if / with / else
  'C:{{if .data.n}}yes{{else}}no{{end}} {{if .nope}}yes{{else if .kind}}kind{{end}}',
  'C:{{with .nope}}a{{else with .data}}{{.s}}{{else}}c{{end}} {{with $x := .kind}}{{$x}}{{end}}',
  'C:{{if and .kind (not .nope)}}ok{{end}} {{or .nope "" "fallback"}} {{and 1 0 "x"}}',
  // variables
  'C:{{$x := 1}}{{$x = 2}}{{$x}} {{$y := .kind}}{{$y}}',
  'C:{{$x = 1}}',
  // comparisons
  'D:{{eq .spec.replicas 3}} {{ne .kind "x"}} {{lt 1 2}} {{ge 2.5 1.5}} {{eq .nope nil}} {{eq .kind "A" "Deployment"}}',
  'D:{{eq .spec.replicas 3.0}}',
  'C:{{lt .kind 1}}',
  'C:{{lt true true}}',
  'C:{{eq .metadata .metadata}}',
  'C:{{eq 1}}',
  // builtins
  'C:{{len .data}} {{len .kind}} {{index .data "s"}} {{index .kind 0}} {{slice .kind 1 4}}',
  'C:{{len .nope}}',
  'C:{{len 1 2}}',
  'C:{{index .data 1}}',
  'C:{{index .nope 1}}',
  'D:{{index .spec.template.spec.containers 5}}',
  'C:{{html "<a href=\'x\'>&</a>"}} {{js "it\'s <b>"}} {{urlquery "a b&c=d"}} {{html .nope}}',
  'C:{{print 1 2 "a" 3 "b" "c" nil}}|{{println 1 "a"}}|{{print .nope}}',
  'C:{{call .kind}}',
  'C:{{exists . "data" "n"}} {{exists . "data" "x"}} {{base64decode "aGVsbG8="}}',
  'C:{{base64decode "!!"}}',
  // printf verbs
  'C:{{printf "%s|%q|%v|%x|%X|%5s|%-5s|%.2s" .kind .kind .kind "hi" "hi" "ab" "ab" "hello"}}',
  'C:{{printf "%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%O|%b|%c|%q|%U|%#x|%#o" 42 42 42 -42 42 42 255 255 8 8 5 65 65 65 255 8}}',
  'C:{{printf "%e|%E|%f|%F|%g|%G|%.2f|%8.3f|%-8.2e|%+.1e" 1234.5678 0.000012 3.14159 2.0 1e21 1e-7 2.345 3.14159 1234.5 -0.000123}}',
  'C:{{1000000.0}} {{1234567.0}} {{0.00001}} {{999999.0}} {{2.5}} {{1e21}} {{0.0001}}',
  'C:{{printf "%.0f %.0f %.0f %.1f %.3g %g %#g %x" 0.5 1.5 2.5 0.25 1234567.0 100000.0 1.0 3.5}}',
  'C:{{printf "%t %v %5t" true false true}} {{printf "%T %T %T %T %T" 1 1.5 "s" true nil}} {{printf "%T %T" .data .metadata}}',
  'C:{{printf "%d" "hi"}} {{printf "%s"}} {{printf "%d %d" 1}} {{printf "x" 1 "a"}} {{printf "%"}} {{printf "%!"}}',
  'C:{{printf "%[2]d %[1]d" 1 2}} {{printf "%[3]d" 1}} {{printf "%*d|%-*d|%.*f" 5 1 4 2 2 3.14159}} {{printf "%.2f%%" 99.5}}',
  'C:{{printf "%v|%+v|%#v|%d" .data .data .data .data}}',
  'C:{{printf "%s %d" nil nil}} {{printf "%s" 1.5}} {{printf "%d" 1.5}}',
  'C:{{"x" | printf "%s-%s" "y"}} {{3 | printf "%d"}} {{.kind | len}} {{.kind | printf "%q" | printf "%s!"}}',
  // literals
  'C:{{0x1F}} {{0o17}} {{0b101}} {{1_000}} {{\'a\'}} {{"\\x41\\u00e9"}} {{`raw\\n`}} {{-5}} {{+5}} {{1e3}} {{.5}}',
  'C:{{99999999999999999999}}',
  // trim markers and comments
  'C:{{- /* comment */ -}}\n  {{ .kind -}}   \n   {{- "|" }}  {{- 3 }} {{-3}}',
  'C:a  {{- .kind -}}  b{{/* x */}}c',
  // define / template / block
  'C:{{define "x"}}[{{.}}]{{end}}{{template "x" .kind}}{{block "y" .metadata.name}}<{{.}}>{{end}}{{template "x"}}',
  'C:{{define "a"}}A{{template "b" .}}{{end}}{{define "b"}}B{{.kind}}{{end}}{{template "a" .}}',
  'C:{{define "a"}}{{.nope.x}}{{index .kind 9}}{{end}}x{{template "a" .}}',
  'C:{{template "nope"}}',
  'C:{{define "a"}}x{{end}}{{define "a"}}y{{end}}',
  // parse errors
  'C:{{.kind',
  'C:{{.kind}',
  'C:{{foo}}',
  'C:{{$x}}',
  'C:{{if .kind}}x',
  'C:{{end}}',
  'C:{{range .data}}{{else}}{{break}}{{end}}',
  'C:{{ ) }}',
  'C:{{ ( .kind }}',
  'C:{{ .kind | "x" }}',
  'C:{{ a#b }}',
  'C:{{ "a }}',
  "C:{{ 'ab' }}",
  'C:{{/* unclosed',
  'C:line1\n{{"x"\n"y"',
  'C:{{ 1e }}',
  'C:{{nil}}',
  // exec errors, missing keys
  'C:ok {{.data.n 1}}',
  'C:{{.kind | .data}}',
  'S:{{.nope}}',
  'S:{{.kind}} {{.metadata.nope.x}}',
  'S:{{index .data "nope"}}|{{.metadata.name}}',
  'S:{{range .data}}{{.}}{{end}}',
  'C:héllo\n  {{.kind}} {{.nope.x}} {{.data.s.z}}',
];

const ARGS: Record<string, string[]> = { C: CONFIGMAP, D: DEPLOYMENT, S: CONFIGMAP };

function argv(entry: string): string[] {
  const kind = entry.slice(0, 1);
  const template = entry.slice(2);
  const extra = kind === 'S' ? ['--allow-missing-template-keys=false'] : [];
  return [...(ARGS[kind] as string[]), '-o', `go-template=${template}`, ...extra];
}

/** FLAG_CASES exercise the other spellings and flags. */
const FLAG_CASES: { args: string[]; files?: Record<string, string> }[] = [
  { args: [...CONFIGMAP, '-o', 'template={{.kind}}'] },
  { args: [...CONFIGMAP, '--template={{.kind}}:{{.data.s}}'] },
  { args: [...CONFIGMAP, '-o', 'go-template', '--template={{.metadata.name}}'] },
  { args: [...CONFIGMAP, '-o', 'template', '--template={{.metadata.name}}'] },
  { args: [...CONFIGMAP, '-o', 'yaml', '--template={{.kind}}'] },
  { args: [...CONFIGMAP, '-o', 'go-template=x', '--template=y'] },
  { args: [...CONFIGMAP, '-o', 'go-template'] },
  { args: [...CONFIGMAP, '-o', 'go-template='] },
  {
    args: [...CONFIGMAP, '-o', 'go-template-file=t.tmpl'],
    files: { 't.tmpl': '{{range $k, $v := .data}}{{$k}}: {{$v}}\n{{end}}' },
  },
  { args: [...CONFIGMAP, '-o', 'templatefile=t.tmpl'], files: { 't.tmpl': 'name={{.metadata.name}}\n' } },
  { args: [...CONFIGMAP, '-o', 'go-template-file=missing.tmpl'] },
  { args: [...CONFIGMAP, '-o', 'go-template-file=bad.tmpl'], files: { 'bad.tmpl': '{{.kind' } },
  { args: [...CONFIGMAP, '-o', 'go-template={{.nope}}', '--allow-missing-template-keys=true'] },
  { args: [...DEPLOYMENT, '-o', 'go-template={{.spec.replicas}}', '--allow-missing-template-keys=false'] },
];

describe.skipIf(!oracleAvailable())('kubectl -o go-template matches kubectl 1.35 (offline generators)', () => {
  const cluster = createCluster({ start: Date.parse('2026-01-01T00:00:00Z') });

  it.each(TEMPLATES)('%s', async (entry) => {
    const args = argv(entry);
    const ours = await runKubectl(args, context(cluster, {}));
    expect(ours).toEqual(runOracle(args));
  });

  it.each(FLAG_CASES)('kubectl $args', async ({ args, files }) => {
    const ours = await runKubectl(args, context(cluster, files ?? {}));
    expect(ours).toEqual(runOracle(args, files ? { files } : {}));
  });
});

const SETUP = [
  'create deployment api --image=nginx --replicas=2',
  'run web --image=nginx --labels=app=web,tier=front',
  'create configmap settings --from-literal=MODE=fast --from-literal=LEVEL=3',
  'advance 1m',
];

const GET_CASES: string[] = [
  `get pods -o go-template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`,
  `get deploy api -o go-template='{{.spec.replicas}} {{.status.readyReplicas}} {{printf "%T" .spec.replicas}}'`,
  `get pod web -o go-template='{{.status.containerStatuses}}'`,
  `get pod web -o go-template='{{range .status.containerStatuses}}{{.name}} {{.ready}} {{.restartCount}}{{end}} {{.metadata.labels}}'`,
  `get pods,deploy -o go-template='{{.kind}} {{len .items}}{{range .items}} {{.kind}}/{{.metadata.name}}{{end}}'`,
  `get cm settings -o template='{{range $k, $v := .data}}{{$k}}={{$v}} {{end}}'`,
  `get cm settings --template='{{.data.MODE}}'`,
  `get cm settings -o go-template='{{.data.MODE}} {{.data.nope.x}}'`,
  `get cm settings -o go-template='{{.data.NOPE}}' --allow-missing-template-keys=false`,
  `get cm settings -o go-template-file=t.tmpl`,
  `get cm settings -o go-template='{{.kind'`,
];

describe.skipIf(!oracleAvailable())('kubectl get -o go-template matches kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP, { 't.tmpl': 'mode={{.data.MODE}} level={{.data.LEVEL}}\n' });
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(GET_CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    expect(ours).toEqual(real);
  });
});
