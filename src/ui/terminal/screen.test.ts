import { describe, expect, it } from 'vitest';
import { editTitle } from '../editor/editTitle.ts';
import { fitToScreen } from './screen.ts';

describe('fitToScreen', () => {
  it('keeps the lines that fit, leaving the last row for the cursor', () => {
    expect(fitToScreen('a\nb\nc\nd\n', 4, 80)).toBe('a\nb\nc');
    expect(fitToScreen('a\nb\n', 10, 80)).toBe('a\nb');
  });

  it('counts the rows a long line wraps onto', () => {
    expect(fitToScreen('header\n' + 'x'.repeat(25) + '\nlast', 4, 10)).toBe('header\nxxxxxxxxxxxxxxxxxxxx');
  });
});

describe('editTitle', () => {
  it('names the edited object as kubectl does', () => {
    const yaml = `# Please edit the object below.\napiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: web\n  name: web\n  namespace: default\nspec: {}\n`;
    expect(editTitle(yaml)).toBe('pod/web');
  });

  it('is "kubectl edit" for lists', () => {
    expect(editTitle('apiVersion: v1\nkind: List\nitems: []\n')).toBe('kubectl edit');
  });
});
