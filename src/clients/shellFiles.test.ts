import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index.ts';
import { completeCommandLine, runCommandLine, type ShellContext } from './shell.ts';
import { columnsLayout, lsTime } from './shellFiles.ts';
import { memoryWorkspace, readFile } from './workspace.ts';

const nginxPod = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
`;

/** learner is a terminal over a fresh cluster and a workspace stamped at a fixed time. */
function learner(files: Record<string, string> = {}) {
  const cluster = createCluster();
  const workspace = memoryWorkspace(files, () => Date.UTC(2026, 10, 23, 17, 3, 18));
  const ctx: ShellContext = { cluster, namespace: { current: 'default' }, workspace, columns: () => 80 };
  return { cluster, workspace, ctx, sh: (line: string) => runCommandLine(line, ctx) };
}

describe('kubectl reads and writes the workspace', () => {
  it('applies a file, a folder and a glob', async () => {
    const { sh } = learner({ 'pod.yaml': nginxPod, 'k8s/svc.yaml': service, 'k8s/notes.txt': 'not a manifest' });
    expect(await sh('kubectl apply -f pod.yaml')).toMatchObject({ stdout: 'pod/web created\n', exitCode: 0 });
    expect(await sh('kubectl apply -f k8s/')).toMatchObject({ stdout: 'service/web created\n', exitCode: 0 });
    expect(await sh('kubectl apply -f *.yaml')).toMatchObject({ stdout: 'pod/web unchanged\n', exitCode: 0 });
  });

  it('builds -k kustomizations and reads -o go-template-file= templates from it', async () => {
    const { sh } = learner({
      'base/kustomization.yaml': 'resources:\n- pod.yaml\n',
      'base/pod.yaml': nginxPod,
      'overlays/dev/kustomization.yaml': 'resources:\n- ../../base\nnamePrefix: dev-\n',
      't.tmpl': '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}',
    });
    expect(await sh('kubectl apply -k overlays/dev')).toMatchObject({ stdout: 'pod/dev-web created\n', exitCode: 0 });
    expect(await sh('kubectl get pods -o go-template-file=t.tmpl')).toMatchObject({ stdout: 'dev-web\n', exitCode: 0 });
  });

  it('says the path does not exist as kubectl does', async () => {
    const { sh } = learner();
    expect(await sh('kubectl apply -f deployment.yaml')).toMatchObject({
      stderr: 'error: the path "deployment.yaml" does not exist\n',
      exitCode: 1,
    });
  });

  it('writes kubectl output with > and reads it back with <', async () => {
    const { sh, workspace } = learner();
    expect(await sh('kubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml')).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
    expect(readFile(workspace.get(), 'web.yaml')).toContain('kind: Deployment');
    expect(await sh('kubectl apply -f - < web.yaml')).toMatchObject({ stdout: 'deployment.apps/web created\n' });
  });

  it('copies a file out of a container with kubectl cp', async () => {
    const { sh, cluster, workspace } = learner();
    await sh('kubectl run box --image=busybox -- sleep 3600');
    await cluster.advance(30_000);
    expect(await sh('kubectl cp box:/etc/hostname ./hostname')).toMatchObject({ exitCode: 0 });
    expect(readFile(workspace.get(), 'hostname')).toBe('box\n');
  });
});

describe('file commands', () => {
  it('ls lists the working folder in columns, one a line into a pipe, and folders by name', async () => {
    const { sh } = learner({ 'pod.yaml': nginxPod, 'k8s/svc.yaml': service, 'deploy.yaml': '' });
    expect((await sh('ls')).stdout).toBe('deploy.yaml  k8s  pod.yaml\n');
    expect((await sh('ls | cat')).stdout).toBe('deploy.yaml\nk8s\npod.yaml\n');
    expect((await sh('ls k8s')).stdout).toBe('svc.yaml\n');
    expect((await sh('ls pod.yaml k8s')).stdout).toBe('pod.yaml\n\nk8s:\nsvc.yaml\n');
  });

  it('ls -l shows modes, owner, size and time', async () => {
    const { sh } = learner({ 'pod.yaml': nginxPod, 'k8s/svc.yaml': service });
    expect((await sh('ls -l')).stdout).toBe(
      [
        'total 8',
        'drwxr-xr-x 2 student student 4096 Nov 23 17:03 k8s',
        `-rw-r--r-- 1 student student  ${nginxPod.length} Nov 23 17:03 pod.yaml`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['ls nope', "ls: cannot access 'nope': No such file or directory\n", 2],
    ['ls -z', "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2],
    ['cat nope.yaml', 'cat: nope.yaml: No such file or directory\n', 1],
    ['cat k8s', 'cat: k8s: Is a directory\n', 1],
    ['rm nope', "rm: cannot remove 'nope': No such file or directory\n", 1],
    ['rm k8s', "rm: cannot remove 'k8s': Is a directory\n", 1],
    ['rm', "rm: missing operand\nTry 'rm --help' for more information.\n", 1],
    ['mkdir k8s', "mkdir: cannot create directory 'k8s': File exists\n", 1],
    ['mkdir a/b', "mkdir: cannot create directory 'a/b': No such file or directory\n", 1],
    ['echo hi > nowhere/x.txt', 'sh: nowhere/x.txt: No such file or directory\n', 1],
    ['echo hi > k8s', 'sh: k8s: Is a directory\n', 1],
    ['cat < nope', 'sh: nope: No such file or directory\n', 1],
    ['echo >', 'sh: syntax error: unexpected newline\n', 2],
  ])('%s fails as coreutils and sh do', async (line, stderr, exitCode) => {
    const { sh } = learner({ 'k8s/svc.yaml': service });
    expect(await sh(line)).toMatchObject({ stderr, exitCode });
  });

  it('cat prints files one after another and still prints the ones that exist', async () => {
    const { sh } = learner({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    expect(await sh('cat a.txt missing b.txt')).toEqual({
      stdout: 'a\nb\n',
      stderr: 'cat: missing: No such file or directory\n',
      exitCode: 1,
    });
  });

  it('pwd, mkdir -p, touch, echo >>, rm -r', async () => {
    const { sh, workspace } = learner();
    expect((await sh('pwd')).stdout).toBe('/home/student\n');
    expect((await sh('mkdir -p overlays/dev')).exitCode).toBe(0);
    expect((await sh('ls overlays')).stdout).toBe('dev\n');
    expect((await sh('touch overlays/dev/kustomization.yaml')).exitCode).toBe(0);
    await sh("echo 'resources:' > overlays/dev/kustomization.yaml");
    await sh("echo '- ../../base' >> overlays/dev/kustomization.yaml");
    expect(readFile(workspace.get(), 'overlays/dev/kustomization.yaml')).toBe('resources:\n- ../../base\n');
    expect((await sh('rm -r overlays')).exitCode).toBe(0);
    expect((await sh('ls')).stdout).toBe('');
  });

  it('cd explains that the terminal keeps one working folder', async () => {
    const { sh } = learner({ 'k8s/svc.yaml': service });
    expect((await sh('cd')).exitCode).toBe(0);
    expect((await sh('cd k8s')).stderr).toContain('stays in /home/student');
    expect((await sh('cd nope')).stderr).toBe('sh: cd: nope: No such file or directory\n');
  });

  it('leaves a glob that matches nothing as typed (jsonpath keeps its [*])', async () => {
    const { sh } = learner();
    await sh('kubectl run web --image=nginx');
    expect((await sh('kubectl get pods -o jsonpath={.items[*].metadata.name}')).stdout).toBe('web');
    expect((await sh('ls *.yaml')).stderr).toBe("ls: cannot access '*.yaml': No such file or directory\n");
  });

  it('help lists the file commands and watch', async () => {
    const { stdout } = await learner().sh('help');
    for (const word of ['ls [-l]', 'cat FILE', 'pwd', 'rm [-r]', 'mkdir [-p]', 'watch [-n SECONDS]']) {
      expect(stdout).toContain(word);
    }
  });
});

describe('Tab completion of file paths', () => {
  const files = { 'pod.yaml': nginxPod, 'post.txt': '', 'k8s/svc.yaml': service, 't.tmpl': '' };

  it.each([
    ['kubectl apply -f p', ['pod.yaml', 'post.txt']],
    ['kubectl apply -f k', ['k8s/']],
    ['kubectl apply -f k8s/', ['k8s/svc.yaml']],
    ['k delete --filename k8s/s', ['k8s/svc.yaml']],
    ['kubectl apply -k k', ['k8s/']],
    ['cat po', ['pod.yaml', 'post.txt']],
    ['rm t', ['t.tmpl']],
    ['kubectl get pods -o go-template-file=t', ['go-template-file=t.tmpl']],
    ['kubectl create configmap c --from-file=k', ['--from-file=k8s/']],
    ['watch -n 5 cat p', ['pod.yaml', 'post.txt']],
  ])('%s → %j', async (line, expected) => {
    const { ctx } = learner(files);
    expect(await completeCommandLine(line, ctx)).toEqual(expected);
  });

  it('offers the new commands first', async () => {
    const { ctx } = learner(files);
    expect(await completeCommandLine('w', ctx)).toEqual(['watch']);
    expect(await completeCommandLine('watch kube', ctx)).toEqual(['kubectl']);
    expect(await completeCommandLine('watch kubectl get po', ctx)).toEqual(['pods']);
  });
});

describe('formatting helpers', () => {
  it('columnsLayout fills columns top to bottom within the width', () => {
    expect(columnsLayout(['a', 'bb', 'ccc', 'dddd', 'e'], 12)).toBe('a   ccc   e\nbb  dddd\n');
    expect(columnsLayout(['one'], 80)).toBe('one\n');
  });

  it('lsTime shows the time for recent files and the year for old ones', () => {
    const now = Date.UTC(2026, 10, 23, 17, 3);
    expect(lsTime(Date.UTC(2026, 10, 3, 9, 5), now)).toBe('Nov  3 09:05');
    expect(lsTime(Date.UTC(2025, 0, 2), now)).toBe('Jan  2  2025');
  });
});
