import { describe, expect, it } from 'vitest';
import { LineEditor, commonPrefix, formatColumns } from './lineEditor.ts';

/** harness drives a LineEditor with a fake terminal and records what the host saw. */
function harness(options: { columns?: number; candidates?: string[] } = {}) {
  const written: string[] = [];
  const logged: string[] = [];
  const submitted: string[] = [];
  const completed: string[] = [];
  let cleared = 0;
  const editor = new LineEditor(
    { write: (data) => written.push(data), log: (text) => logged.push(text), columns: () => options.columns ?? 80 },
    {
      submit: async (line) => {
        submitted.push(line);
      },
      complete: async (line) => {
        completed.push(line);
        return options.candidates ?? [];
      },
      clearScreen: () => {
        cleared += 1;
      },
    },
  );
  editor.start();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { editor, written, logged, submitted, completed, cleared: () => cleared, settle };
}

describe('LineEditor', () => {
  it('submits the typed line on Enter and logs it after the prompt', async () => {
    const t = harness();
    t.editor.handleData('kubectl get pods\r');
    await t.settle();
    expect(t.submitted).toEqual(['kubectl get pods']);
    expect(t.logged.join('')).toContain('$ kubectl get pods\n');
  });

  it.each([
    ['backspace deletes before the cursor', 'kubectl getx\x7f pods\r', 'kubectl get pods'],
    ['left arrow moves the cursor for an insertion', 'kubectl get pds\x1b[D\x1b[Do\r', 'kubectl get pods'],
    ['Home and End jump to the ends', 'get pods\x1b[Hkubectl \x1b[F -A\r', 'kubectl get pods -A'],
    ['Ctrl+A and Ctrl+E jump to the ends', 'get pods\x01kubectl \x05 -A\r', 'kubectl get pods -A'],
    [
      'Delete removes under the cursor',
      'kubectl get ppods\x1b[H\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[3~\r',
      'kubectl get pods',
    ],
    ['Ctrl+U deletes to the start of the line', 'rubbish\x15kubectl version\r', 'kubectl version'],
    ['Ctrl+W deletes the word before the cursor', 'kubectl get nodes\x17pods\r', 'kubectl get pods'],
    ['a pasted CRLF line ending submits once', 'kubectl get pods\r\n', 'kubectl get pods'],
  ])('%s', async (_name, input, expected) => {
    const t = harness();
    t.editor.handleData(input);
    await t.settle();
    expect(t.submitted).toEqual([expected]);
  });

  it('walks history with up and down arrows and keeps the draft', async () => {
    const t = harness();
    t.editor.handleData('kubectl get nodes\r');
    await t.settle();
    t.editor.handleData('kubectl get pods\r');
    await t.settle();
    t.editor.handleData('draft');
    t.editor.handleData('\x1b[A');
    expect(t.editor.line).toBe('kubectl get pods');
    t.editor.handleData('\x1b[A\x1b[A');
    expect(t.editor.line).toBe('kubectl get nodes');
    t.editor.handleData('\x1b[B\x1b[B');
    expect(t.editor.line).toBe('draft');
  });

  it('does not store blank lines or immediate repeats in history', async () => {
    const t = harness();
    for (const line of ['ls\r', '\r', 'ls\r']) {
      t.editor.handleData(line);
      await t.settle();
    }
    t.editor.handleData('\x1b[A\x1b[A');
    expect(t.editor.line).toBe('ls');
  });

  it('cancels the line on Ctrl+C, printing ^C', () => {
    const t = harness();
    t.editor.handleData('kubectl delete pod web\x03');
    expect(t.submitted).toEqual([]);
    expect(t.editor.line).toBe('');
    expect(t.logged.join('')).toContain('$ kubectl delete pod web^C\n');
  });

  it('clears the screen on Ctrl+L and keeps the line', () => {
    const t = harness();
    t.editor.handleData('kubectl\x0c');
    expect(t.cleared()).toBe(1);
    expect(t.editor.line).toBe('kubectl');
  });

  it('completes a single candidate and adds a space', async () => {
    const t = harness({ candidates: ['nodes'] });
    t.editor.handleData('kubectl get no\t');
    await t.settle();
    expect(t.completed).toEqual(['kubectl get no']);
    expect(t.editor.line).toBe('kubectl get nodes ');
  });

  it('completes to the common prefix of several candidates', async () => {
    const t = harness({ candidates: ['deployments', 'deployments.apps'] });
    t.editor.handleData('kubectl get dep\t');
    await t.settle();
    expect(t.editor.line).toBe('kubectl get deployments');
  });

  it('lists several candidates without a longer common prefix and keeps the line', async () => {
    const t = harness({ candidates: ['pods', 'podtemplates', 'poddisruptionbudgets'] });
    t.editor.handleData('kubectl get pod\t');
    await t.settle();
    expect(t.editor.line).toBe('kubectl get pod');
    expect(t.logged.join('')).toContain('pods');
    expect(t.logged.join('')).toContain('podtemplates');
  });

  it('queues input typed while a command runs and replays it afterwards', async () => {
    const written: string[] = [];
    let finish = () => {};
    const submitted: string[] = [];
    const editor = new LineEditor(
      { write: (data) => written.push(data), log: () => {}, columns: () => 80 },
      {
        submit: (line) => {
          submitted.push(line);
          return new Promise<void>((resolve) => {
            finish = resolve;
          });
        },
        complete: async () => [],
        clearScreen: () => {},
      },
    );
    editor.start();
    editor.handleData('advance 1h\r');
    editor.handleData('kubectl get pods');
    expect(editor.line).toBe('');
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(editor.line).toBe('kubectl get pods');
    expect(submitted).toEqual(['advance 1h']);
  });

  it('prints text above the prompt and redraws the line being typed', () => {
    const t = harness();
    t.editor.handleData('kubectl get');
    t.written.length = 0;
    t.editor.print('pod/web created\n');
    const output = t.written.join('');
    expect(output).toContain('pod/web created\r\n');
    expect(output.endsWith('$ kubectl get\r\x1b[13C')).toBe(true);
  });

  it('moves the cursor across wrapped rows when the line is wider than the terminal', () => {
    const t = harness({ columns: 10 });
    t.editor.handleData('0123456789abc'); // "$ " + 13 characters = 15 columns: two rows
    t.written.length = 0;
    t.editor.handleData('\x01'); // to the start of the line: back up one row
    // eslint-disable-next-line no-control-regex -- the expected output is a cursor movement
    expect(t.written.join('')).toMatch(/\x1b\[1A\r\x1b\[2C$/);
  });
});

describe('commonPrefix', () => {
  it.each([
    [['pods', 'podtemplates'], 'pod'],
    [['nodes'], 'nodes'],
    [[], ''],
    [['a', 'b'], ''],
  ])('%j → %s', (words, expected) => {
    expect(commonPrefix(words)).toBe(expected);
  });
});

describe('formatColumns', () => {
  it('fits as many candidates per row as the width allows', () => {
    expect(formatColumns(['pods', 'nodes', 'services'], 22)).toBe('pods      nodes\r\nservices');
  });
});
