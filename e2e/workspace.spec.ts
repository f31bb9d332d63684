import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectProblems, region, replaceEditorText, runInTerminal, terminalOutput } from './lab.ts';

const helloPod = `apiVersion: v1
kind: Pod
metadata:
  name: hello
spec:
  containers:
    - name: web
      image: nginx:1.27
`;

function files(page: Page) {
  return region(page, 'Editor').getByRole('tablist', { name: 'Files' });
}

function fileTab(page: Page, path: string) {
  return files(page).getByRole('tab', { name: path, exact: true });
}

test('a learner writes a file in the Editor and applies it from the terminal; the files survive a reload', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const output = terminalOutput(page);
  const diagram = region(page, 'Cluster diagram');

  // A new learner starts with the example as pod.yaml.
  await expect(fileTab(page, 'pod.yaml')).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('button', { name: 'New file', exact: true }).click();
  await page.getByRole('textbox', { name: 'File name' }).fill('hello.yaml');
  await page.keyboard.press('Enter');
  await expect(fileTab(page, 'hello.yaml')).toHaveAttribute('aria-selected', 'true');
  await replaceEditorText(page, helloPod);

  await runInTerminal(page, 'ls');
  await expect(output).toContainText(/\$ ls\nhello\.yaml {2}pod\.yaml\n/);
  await runInTerminal(page, 'kubectl apply -f hello.yaml');
  await expect(output).toContainText('$ kubectl apply -f hello.yaml\npod/hello created');
  await expect(diagram.locator('[data-kind=Pod][data-name=hello][data-namespace=default]')).toBeVisible();

  // Tab completes file names; cat prints the file.
  await page.keyboard.type('cat hel');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(output).toContainText('$ cat hello.yaml \napiVersion: v1\nkind: Pod\nmetadata:\n  name: hello');
  await runInTerminal(page, 'cat nothing.yaml');
  await expect(output).toContainText('cat: nothing.yaml: No such file or directory');

  // What the terminal writes appears as a file in the Editor.
  await runInTerminal(page, 'kubectl get pod hello -o yaml > live.yaml');
  await expect(fileTab(page, 'live.yaml')).toBeVisible();

  await page.reload();
  await expect(fileTab(page, 'hello.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(fileTab(page, 'pod.yaml')).toBeVisible();
  await expect(fileTab(page, 'live.yaml')).toBeVisible();
  await expect(region(page, 'Editor')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  await expect(region(page, 'Editor').locator('.monaco-editor .view-lines')).toContainText('name: hello');
  await runInTerminal(page, 'ls -l');
  await expect(output).toContainText(/-rw-r--r-- 1 student student +\d+ \w{3} [ \d]\d \d\d:\d\d hello\.yaml/);

  // Rename into a folder, then delete after confirming.
  await page.getByRole('button', { name: 'Rename hello.yaml', exact: true }).click();
  await page.getByRole('textbox', { name: 'File name' }).fill('k8s/hello.yaml');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(fileTab(page, 'k8s/hello.yaml')).toHaveAttribute('aria-selected', 'true');
  await runInTerminal(page, 'ls k8s');
  await expect(output).toContainText('$ ls k8s\nhello.yaml');
  await page.getByRole('button', { name: 'Delete k8s/hello.yaml', exact: true }).click();
  const confirm = page.getByRole('group', { name: 'Delete k8s/hello.yaml' });
  await expect(confirm).toContainText('This cannot be undone.');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(fileTab(page, 'k8s/hello.yaml')).toHaveCount(0);
  await expect(fileTab(page, 'live.yaml')).toHaveAttribute('aria-selected', 'true');

  expect(problems).toEqual([]);
});

test('the editor text saved before files existed comes back as pod.yaml', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  await page.evaluate((text) => {
    localStorage.setItem(
      'kubelab.ui',
      JSON.stringify({ state: { editorText: text, speed: 2, namespaceFilter: { type: 'all' } }, version: 1 }),
    );
  }, helloPod);
  await page.reload();
  await expect(fileTab(page, 'pod.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(files(page).getByRole('tab')).toHaveCount(1);
  await expect(region(page, 'Editor').locator('.monaco-editor .view-lines')).toContainText('name: hello', {
    timeout: 30_000,
  });
  await runInTerminal(page, 'kubectl apply -f pod.yaml');
  await expect(terminalOutput(page)).toContainText('pod/hello created');
  expect(problems).toEqual([]);
});

test('kubectl edit shows the object in its own tab and Apply goes back to the file', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const output = terminalOutput(page);

  await runInTerminal(page, 'kubectl run edited --image=nginx:1.26');
  await runInTerminal(page, 'kubectl edit pod edited');
  const editTab = files(page).getByRole('tab', { name: 'kubectl edit pod/edited' });
  await expect(editTab).toHaveAttribute('aria-selected', 'true');
  await expect(region(page, 'Editor')).toContainText('name: edited');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(output).toContainText('Edit cancelled, no changes made.');
  await expect(editTab).toHaveCount(0);
  await expect(fileTab(page, 'pod.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(region(page, 'Editor')).toContainText('name: nginx');

  // Cancelling with the tab's close button leaves the object as it was.
  await runInTerminal(page, 'kubectl edit pod edited');
  await expect(editTab).toBeVisible();
  await page.getByRole('button', { name: 'Cancel kubectl edit' }).click();
  await expect(editTab).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('watch kubectl get pods redraws until Ctrl+C', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  const output = terminalOutput(page);

  await runInTerminal(page, 'kubectl run watched --image=nginx');
  await expect(output).toContainText('pod/watched created');
  await runInTerminal(page, 'watch kubectl get pods');
  await expect(output).toContainText(
    /Every 2\.0s: kubectl get pods +kubelab: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}/,
  );
  // The frames replace each other, as on the screen: one header at a time, with the cluster's clock moving on.
  const firstDate = /kubelab: (.+)/.exec((await output.textContent()) ?? '')?.[1];
  await expect(output).not.toContainText(`kubelab: ${firstDate}`, { timeout: 10_000 });
  expect(((await output.textContent()) ?? '').match(/Every 2\.0s/g)).toHaveLength(1);
  await expect(output).toContainText(/watched\s+1\/1\s+Running/, { timeout: 30_000 });
  await expect(region(page, 'Terminal').locator('.xterm-rows')).toContainText('Every 2.0s: kubectl get pods');

  await page.keyboard.press('Control+C');
  // Back on the normal screen, where the commands typed before are.
  await expect(output).not.toContainText('Every 2.0s');
  await expect(output).toContainText('$ watch kubectl get pods');
  await runInTerminal(page, 'kubectl get pod watched');
  await expect(output).toContainText(/\$ kubectl get pod watched\nNAME\s+READY/);
  await expect(region(page, 'Terminal').locator('.xterm-rows')).toContainText('$ watch kubectl get pods');

  await runInTerminal(page, 'watch');
  await expect(output).toContainText('Usage:\n watch [options] command');
  expect(problems).toEqual([]);
});
