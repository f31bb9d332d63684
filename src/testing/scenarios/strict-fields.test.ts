import { describe, expect, it } from 'vitest';
import { startApiServer } from '../../cli/serve.ts';
import { lab } from '../lab.ts';
import { oracleAvailable, runOracleAsync } from '../oracle.ts';

/**
 * Strict field validation through kubectl: kubectl sends `?fieldValidation=Strict` unless told
 * `--validate=warn|false`, and kube-apiserver refuses unknown fields with its decoder's words. The
 * manifests are the course notes' "find the bug" slips (`volumeMount` for `volumeMounts`,
 * `pullPolicy` for `imagePullPolicy`, a duplicated key) and the classic `imagee:`.
 */

/** COURSE_POD is the volumes example of the course notes (volumenes-probes-rbac.md), slips included. */
const COURSE_POD = `kind:               Pod
apiVersion:         v1

metadata:
    name:           pod-ivan

spec:
    volumes:
        - name: mivolumen
          emptyDir:
            medium: Memory
    containers:
        - name:         contenedor1
          image:        nginx
          pullPolicy:   IfNotPresent
          volumeMount:
            - name:     mivolumen
              mountPath: /datos

        - name:         contenedor2
          image:        fedora
          pullPolicy:   IfNotPresent
          command:
            - tail
            - -f
            - /dev/null
          volumeMount:
            - name:     mivolumen
              mountPath: /datosOtros
          volumeMount:
            - name:     mivolumen2
              mountPath: /datosOtros2
`;

/** withoutDuplicate drops the second `volumeMount:` of contenedor2, the slip kubectl catches first. */
const withoutDuplicate = (manifest: string) =>
  manifest.replace(
    '          volumeMount:\n            - name:     mivolumen2\n              mountPath: /datosOtros2\n',
    '',
  );

const IMAGEE_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    imagee: nginx:1.27
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

const IMAGEE_ERROR =
  'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"\n';

describe('kubectl apply refuses unknown fields (--validate=strict, the default)', () => {
  it('imagee: the API server names the field, and nothing is created', async () => {
    const l = lab();
    l.file('pod.yaml', IMAGEE_POD);
    const result = await l.sh('kubectl apply -f pod.yaml');
    expect(result).toEqual({ stdout: '', stderr: IMAGEE_ERROR, exitCode: 1 });
    expect((await l.sh('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
    expect(await l.sh('kubectl create -f pod.yaml')).toEqual({ stdout: '', stderr: IMAGEE_ERROR, exitCode: 1 });
  });

  it('the course pod: the duplicated volumeMount key fails in kubectl before anything is sent', async () => {
    const l = lab();
    l.file('pod.yaml', COURSE_POD);
    expect(await l.sh('kubectl apply -f pod.yaml')).toEqual({
      stdout: '',
      stderr:
        'error: error parsing pod.yaml: error converting YAML to JSON: yaml: unmarshal errors:\n  line 30: key "volumeMount" already set in map\n',
      exitCode: 1,
    });
  });

  it('the course pod without the duplicate: every slip is reported, in document order', async () => {
    const l = lab();
    l.file('pod.yaml', withoutDuplicate(COURSE_POD));
    const result = await l.sh('kubectl apply -f pod.yaml');
    expect(result.stderr).toBe(
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: ' +
        'unknown field "spec.containers[0].pullPolicy", unknown field "spec.containers[0].volumeMount", ' +
        'unknown field "spec.containers[1].pullPolicy", unknown field "spec.containers[1].volumeMount"\n',
    );
    expect(result.exitCode).toBe(1);
    expect((await l.sh('kubectl get pod pod-ivan')).stderr).toBe(
      'Error from server (NotFound): pods "pod-ivan" not found\n',
    );
  });

  it('a typo in a Deployment template is reported with its full path; the rest of the file still applies', async () => {
    const l = lab();
    const service =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n';
    l.file(
      'app.yaml',
      `${DEPLOYMENT.replace('      labels:\n        app: web\n    spec:', '      labelss:\n        app: web\n    spec:')}---\n${service}`,
    );
    const result = await l.sh('kubectl apply -f app.yaml');
    expect(result.stdout).toBe('service/web created\n');
    expect(result.stderr).toBe(
      'Error from server (BadRequest): error when creating "app.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.metadata.labelss"\n',
    );
    expect(result.exitCode).toBe(1);
    expect((await l.sh('kubectl get deployments')).stderr).toBe('No resources found in default namespace.\n');
  });

  it('a typo in a change to a live object fails the patch as an invalid request', async () => {
    const l = lab();
    l.file('deploy.yaml', DEPLOYMENT);
    expect(await l.kubectl('apply -f deploy.yaml')).toBe('deployment.apps/web created\n');
    l.file(
      'deploy.yaml',
      DEPLOYMENT.replace(
        '        - containerPort: 80\n',
        '        - containerPort: 80\n        env:\n        - name: MODE\n          valeu: prod\n',
      ),
    );
    const result = await l.sh('kubectl apply -f deploy.yaml');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:\{\\"apiVersion\\":\\"apps\/v1\\"/,
    );
    expect(result.stderr).toMatch(
      / spec:map\[template:map\[spec:map\[.*containers:\[map\[env:\[map\[name:MODE valeu:prod\]\] name:web\]\]/,
    );
    expect(result.stderr).toMatch(
      /\]": strict decoding error: unknown field "spec\.template\.spec\.containers\[0\]\.env\[0\]\.valeu"\n$/,
    );
    const live = await l.kubectl('get deployment web -o jsonpath={.spec.template.spec.containers[0].env}');
    expect(live).toBe('');
  });
});

describe('--validate=warn and --validate=false', () => {
  it('warn: created, one Warning line per field, and the field is dropped', async () => {
    const l = lab();
    l.file('pod.yaml', withoutDuplicate(COURSE_POD).replace('kind:               Pod', 'kind: Pod'));
    const result = await l.sh('kubectl apply -f pod.yaml --validate=warn');
    expect(result).toEqual({
      stdout: 'pod/pod-ivan created\n',
      stderr:
        'Warning: unknown field "spec.containers[0].pullPolicy"\nWarning: unknown field "spec.containers[0].volumeMount"\n' +
        'Warning: unknown field "spec.containers[1].pullPolicy"\nWarning: unknown field "spec.containers[1].volumeMount"\n',
      exitCode: 0,
    });
    // The mounts never reach the pod: the learner sees why /datos is empty.
    expect(await l.kubectl('get pod pod-ivan -o jsonpath={.spec.containers[0].volumeMount}')).toBe('');
    expect(await l.kubectl('get pod pod-ivan -o jsonpath={.spec.containers[0].imagePullPolicy}')).toBe('Always');
  });

  it('false (and ignore): created silently, unknown fields dropped', async () => {
    for (const flag of ['--validate=false', '--validate=ignore']) {
      const l = lab();
      l.file('pod.yaml', IMAGEE_POD.replace('    imagee: nginx:1.27\n', '    image: nginx:1.27\n    imagee: x\n'));
      expect(await l.sh(`kubectl create -f pod.yaml ${flag}`)).toEqual({
        stdout: 'pod/web created\n',
        stderr: '',
        exitCode: 0,
      });
      expect(await l.kubectl('get pod web -o jsonpath={.spec.containers[0]}')).not.toContain('imagee');
    }
  });

  it('true is strict; anything else is refused by kubectl itself', async () => {
    const l = lab();
    l.file('pod.yaml', IMAGEE_POD);
    expect((await l.sh('kubectl apply -f pod.yaml --validate=true')).stderr).toBe(IMAGEE_ERROR);
    expect(await l.sh('kubectl apply -f pod.yaml --validate=maybe')).toEqual({
      stdout: '',
      stderr: 'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)\n',
      exitCode: 1,
    });
  });
});

describe('the API server without kubectl', () => {
  it('no fieldValidation means Warn, as on a real server', async () => {
    const l = lab();
    const response = await l.cluster.request({
      verb: 'POST',
      path: '/api/v1/namespaces/default/configmaps',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, date: { a: 'b' } },
    });
    expect(response.status).toBe(201);
    expect(response.warnings).toEqual(['unknown field "date"']);
    expect(response.body).not.toHaveProperty('date');
  });

  it('an unsupported fieldValidation value is refused like ValidateFieldValidation does', async () => {
    const l = lab();
    const response = await l.cluster.request({
      verb: 'POST',
      path: '/api/v1/namespaces/default/configmaps',
      query: { fieldValidation: 'strict' },
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
    });
    expect(response.status).toBe(422);
    expect((response.body as { message: string }).message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"',
    );
  });

  it('a merge patch under Strict quotes the patched object', async () => {
    const l = lab();
    await l.kubectl('create configmap c --from-literal=a=b');
    const response = await l.cluster.request({
      verb: 'PATCH',
      path: '/api/v1/namespaces/default/configmaps/c',
      query: { fieldValidation: 'Strict' },
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { dataa: { x: 'y' } },
    });
    expect(response.status).toBe(422);
    const message = (response.body as { message: string }).message;
    expect(message).toMatch(
      /^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"v1\\",\\"data\\":\{\\"a\\":\\"b\\"\},\\"dataa\\":/,
    );
    expect(message).toMatch(/": strict decoding error: unknown field "dataa"$/);
  });
});

describe.skipIf(!oracleAvailable())('the real kubectl 1.35 against the lab API server', () => {
  it('finds server-side validation in /openapi/v3, sends fieldValidation=Strict and prints what ours prints', async () => {
    const l = lab();
    const server = await startApiServer(l.cluster, { port: 0, paused: true });
    try {
      const files = {
        'pod.yaml': withoutDuplicate(COURSE_POD),
        'deploy.yaml': DEPLOYMENT,
        'deploy2.yaml': DEPLOYMENT.replace(
          '        - containerPort: 80\n',
          '        - containerPort: 80\n        env:\n        - name: MODE\n          valeu: prod\n',
        ),
      };
      for (const [name, text] of Object.entries(files)) l.file(name, text);
      const real = (...args: string[]) =>
        runOracleAsync([`--server=http://127.0.0.1:${server.port}`, ...args], { files });
      const created = await real('apply', '-f', 'pod.yaml');
      expect(created).toEqual({ ...(await l.sh('kubectl apply -f pod.yaml')), exitCode: 1 });
      expect(created.stderr).toContain('strict decoding error: unknown field "spec.containers[0].pullPolicy"');
      expect((await real('apply', '-f', 'deploy.yaml')).stdout).toBe('deployment.apps/web created\n');
      const patched = await real('apply', '-f', 'deploy2.yaml');
      const ours = await l.sh('kubectl apply -f deploy2.yaml');
      expect(patched.exitCode).toBe(1);
      // Both send the same three-way patch, $setElementOrder directive included, so they quote it alike.
      expect(patched.stderr).toBe(ours.stderr);
    } finally {
      await server.close();
    }
  });
});
