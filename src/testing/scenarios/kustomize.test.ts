import { describe, expect, it } from 'vitest';
import { lab, type Lab } from '../lab.ts';

/**
 * A course's kustomize workflow on the simulated cluster: a base and a dev overlay applied with
 * `kubectl apply -k`, applied again (unchanged), inspected with `get`/`describe`/`diff -k`, and
 * removed with `kubectl delete -k`. Objects carry the overlay's prefix, namespace, labels and the
 * hashed ConfigMap name that the Deployment's envFrom was rewritten to.
 */
function kustomizeLab(): Lab {
  const l = lab();
  l.file(
    'base/kustomization.yaml',
    'resources:\n- deployment.yaml\n- service.yaml\nconfigMapGenerator:\n- name: web-config\n  literals:\n  - GREETING=hello\n',
  );
  l.file(
    'base/deployment.yaml',
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
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
        image: nginx:1.25
        envFrom:
        - configMapRef:
            name: web-config
`,
  );
  l.file(
    'base/service.yaml',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
  );
  l.file(
    'overlays/dev/kustomization.yaml',
    'resources:\n- ../../base\nnamespace: dev\nnamePrefix: dev-\nlabels:\n- pairs:\n    env: dev\n  includeSelectors: true\nreplicas:\n- name: web\n  count: 2\nimages:\n- name: nginx\n  newTag: "1.27"\n',
  );
  return l;
}

describe('kubectl apply -k and delete -k', () => {
  it('creates the overlay, reports unchanged on a second run, and deletes it', async () => {
    const l = kustomizeLab();
    await l.kubectl('create namespace dev');
    const first = await l.sh('kubectl apply -k overlays/dev');
    expect(first).toEqual({
      stdout: 'configmap/dev-web-config-f655md8fbd created\nservice/dev-web created\ndeployment.apps/dev-web created\n',
      stderr: '',
      exitCode: 0,
    });
    const second = await l.sh('kubectl apply -k overlays/dev');
    expect(second.stdout).toBe(
      'configmap/dev-web-config-f655md8fbd unchanged\nservice/dev-web unchanged\ndeployment.apps/dev-web unchanged\n',
    );

    const deployment = JSON.parse(await l.kubectl('get deployment dev-web -n dev -o json'));
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.selector.matchLabels).toEqual({ app: 'web', env: 'dev' });
    expect(deployment.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(deployment.spec.template.spec.containers[0].envFrom[0].configMapRef.name).toBe('dev-web-config-f655md8fbd');
    expect(deployment.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain(
      '"env":"dev"',
    );

    await l.advance('1m');
    const pods = await l.kubectl('get pods -n dev -l env=dev -o name');
    expect(pods.trim().split('\n')).toHaveLength(2);

    const diff = await l.sh('kubectl diff -k overlays/dev');
    expect(diff).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const described = await l.sh('kubectl describe -k overlays/dev');
    expect(described.exitCode).toBe(0);
    expect(described.stdout).toContain('Name:                   dev-web');

    const deleted = await l.sh('kubectl delete -k overlays/dev');
    expect(deleted.stdout).toBe(
      'configmap "dev-web-config-f655md8fbd" deleted from dev namespace\nservice "dev-web" deleted from dev namespace\ndeployment.apps "dev-web" deleted from dev namespace\n',
    );
    expect(deleted.exitCode).toBe(0);
    expect((await l.sh('kubectl get deployments -n dev')).stderr).toBe('No resources found in dev namespace.\n');
  });

  it('refuses -f with -k, and prints kustomize errors and warnings', async () => {
    const l = kustomizeLab();
    expect(await l.sh('kubectl apply -f x.yaml -k overlays/dev')).toEqual({
      stdout: '',
      stderr: 'error: only one of -f or -k can be specified\n',
      exitCode: 1,
    });
    expect(await l.sh('kubectl apply -k nowhere')).toEqual({
      stdout: '',
      stderr:
        "error: must build at directory: not a valid directory: evalsymlink failure on 'nowhere' : lstat nowhere: no such file or directory\n",
      exitCode: 1,
    });
    l.file('old/kustomization.yaml', 'bases:\n- ../base\ncommonLabels:\n  tier: web\n');
    const old = await l.sh('kubectl kustomize old');
    expect(old.exitCode).toBe(0);
    expect(old.stderr).toBe(
      "# Warning: 'bases' is deprecated. Please use 'resources' instead. Run 'kustomize edit fix' to update your Kustomization automatically.\n# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your Kustomization automatically.\n",
    );
    expect(old.stdout).toContain('  selector:\n    app: web\n    tier: web\n');
  });
});
