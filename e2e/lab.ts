import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/**
 * Helpers for driving the lab the way a learner does: regions by their accessible names, the editor by
 * pasting (typing into Monaco would re-indent YAML line by line), the terminal by the keyboard.
 */
export const regionNames = ['Editor', 'Cluster diagram', 'Terminal', 'Lesson', 'Inspector'] as const;

export function region(page: Page, name: (typeof regionNames)[number]): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** collectProblems records console errors and uncaught page errors for a final "none happened" check. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** replaceEditorText selects everything in Monaco and pastes `text` over it. */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  const editor = region(page, 'Editor');
  await expect(editor).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  const input = editor.locator('.monaco-editor textarea');
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await input.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(editor.locator('.monaco-editor .view-lines')).toContainText(text.split('\n')[0] ?? '');
}

export async function apply(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const status = page.getByTestId('apply-status');
  await expect(status).not.toHaveAttribute('data-state', /idle|applying/);
  return status;
}

/** runInTerminal focuses the terminal, types a command line and presses Enter. */
export async function runInTerminal(page: Page, line: string): Promise<void> {
  await region(page, 'Terminal').locator('.xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

export function terminalOutput(page: Page): Locator {
  return page.getByTestId('terminal-output');
}
