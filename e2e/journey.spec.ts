import { expect, test } from '@playwright/test';
import {
  apply,
  collectProblems,
  region,
  regionNames,
  replaceEditorText,
  runInTerminal,
  terminalOutput,
} from './lab.ts';

const helloPod = `apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels:
    app: hello
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
`;

const brokenYaml = `apiVersion: v1
kind: Pod
metadata:
  name: [broken
spec: {
`;

const documentWithoutKind = `apiVersion: v1
metadata:
  name: no-kind
`;

test('a learner applies a Pod, watches it start and reads it back in the terminal', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');

  for (const name of regionNames) await expect(region(page, name)).toBeVisible();
  const diagram = region(page, 'Cluster diagram');
  for (const node of ['control-plane', 'worker-1', 'worker-2']) {
    await expect(diagram.locator(`[data-kind=Node][data-name="${node}"]`)).toBeVisible();
  }

  // Drive time by hand from here on, so every step is deterministic.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const clock = page.getByTestId('simulated-clock');
  const before = await clock.textContent();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(clock).not.toHaveText(before ?? '');

  await replaceEditorText(page, helloPod);
  const status = await apply(page);
  await expect(status).toHaveAttribute('data-state', 'applied');
  await expect(status).toContainText('pod/hello created');
  await expect(terminalOutput(page)).toContainText('pod/hello created');

  const hello = diagram.locator('[data-kind=Pod][data-name=hello][data-namespace=default]');
  await expect(hello).toBeVisible();
  await expect(async () => {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(hello).toHaveAttribute('data-status', 'Running', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(hello).toHaveAttribute('data-phase', 'Running');

  await hello.click();
  const inspector = region(page, 'Inspector');
  await expect(inspector).toContainText('hello');
  await expect(inspector).toContainText('Running');

  await runInTerminal(page, 'kubectl get pods');
  await expect(terminalOutput(page)).toContainText('$ kubectl get pods');
  await expect(terminalOutput(page)).toContainText(/hello\s+1\/1\s+Running/);
  await expect(region(page, 'Terminal').locator('.xterm-rows')).toContainText('hello');

  await replaceEditorText(page, brokenYaml);
  const broken = await apply(page);
  await expect(broken).toHaveAttribute('data-state', 'failed');
  await expect(broken).toContainText(/error: /);
  const brokenText = (await broken.textContent()) ?? '';
  expect(brokenText).not.toContain('\n');
  expect(brokenText).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames

  await replaceEditorText(page, documentWithoutKind);
  const noKind = await apply(page);
  await expect(noKind).toHaveAttribute('data-state', 'failed');
  await expect(noKind).toContainText(/error: .*kind/i);

  // The failed applies created nothing and the pod is still there.
  await expect(diagram.locator('[data-kind=Pod][data-name=no-kind]')).toHaveCount(0);
  await expect(hello).toHaveAttribute('data-status', 'Running');

  await page.screenshot({ path: test.info().outputPath('workspace.png') });
  expect(problems).toEqual([]);
});

test('the terminal line editor: history, Ctrl+C, completion and clear', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  const output = terminalOutput(page);

  await runInTerminal(page, 'kubectl get nodes');
  await expect(output).toContainText(/worker-1\s+Ready/);

  // Up arrow brings the last command back; Enter runs it again.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(output).toContainText(/\$ kubectl get nodes[\s\S]*\$ kubectl get nodes/);

  // Ctrl+C abandons the line being typed.
  await page.keyboard.type('kubectl delete everything');
  await page.keyboard.press('Control+C');
  await expect(output).toContainText('$ kubectl delete everything^C');

  // Tab completes an unambiguous word.
  await page.keyboard.type('kubectl get nod');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(output).toContainText('$ kubectl get nodes ');

  await page.keyboard.type('clear');
  await page.keyboard.press('Enter');
  await expect(output).not.toContainText('kubectl get nodes');

  expect(problems).toEqual([]);
});

test('kubectl get -w streams changes until Ctrl+C', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  const output = terminalOutput(page);

  await runInTerminal(page, 'kubectl run watched --image=nginx');
  await expect(output).toContainText('pod/watched created');
  await runInTerminal(page, 'kubectl get pods -w');
  // The initial table arrives at once; later rows stream in as simulated time plays.
  await expect(output).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nwatched\s+0\/1/);
  await expect(output).toContainText(/watched\s+1\/1\s+Running/, { timeout: 30_000 });
  await page.keyboard.press('Control+C');
  await expect(output).toContainText('^C');
  // The prompt is back: the next command runs.
  await runInTerminal(page, 'kubectl get pod watched');
  await expect(output).toContainText(/\$ kubectl get pod watched\nNAME\s+READY/);

  expect(problems).toEqual([]);
});

test('kubectl exec -it opens a shell in the container until exit', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  const output = terminalOutput(page);

  await runInTerminal(page, 'kubectl run box --image=busybox -- sleep 3600');
  await runInTerminal(page, 'advance 20s');
  await runInTerminal(page, 'kubectl exec -it box -- sh');
  await runInTerminal(page, 'echo hello > /tmp/note; cat /tmp/note');
  await expect(output).toContainText('/ # echo hello > /tmp/note; cat /tmp/note\nhello');
  await runInTerminal(page, 'cd /tmp');
  await runInTerminal(page, 'ls');
  await expect(output).toContainText('/tmp # ls\nnote');
  await runInTerminal(page, 'exit');
  await runInTerminal(page, 'kubectl get pod box');
  await expect(output).toContainText(/\$ kubectl get pod box\nNAME\s+READY\s+STATUS/);

  expect(problems).toEqual([]);
});

test('kubectl edit opens the live object in the Editor and Apply saves it', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  const output = terminalOutput(page);

  await runInTerminal(page, 'kubectl run edited --image=nginx:1.26');
  await runInTerminal(page, 'kubectl edit pod edited');
  await expect(output).toContainText('Editing in the Editor pane');
  await expect(region(page, 'Editor')).toContainText('kind: Pod');
  await expect(region(page, 'Editor')).toContainText('name: edited');
  await apply(page);
  await expect(output).toContainText(/Edit cancelled, no changes made\.|pod\/edited edited/);

  expect(problems).toEqual([]);
});
