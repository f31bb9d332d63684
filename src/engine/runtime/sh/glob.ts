/** hasGlob tells whether text contains pattern characters that pathname expansion would act on. */
export function hasGlob(text: string): boolean {
  return /[*?[]/.test(text);
}

/**
 * globToRegExp compiles a shell pattern (`*`, `?`, `[a-z]`, `[!x]`, backslash escapes) into an
 * anchored regular expression, for case, ${x#pattern} and filename expansion.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      i++;
      re += escapeRegExp(pattern[i] ?? '\\');
    } else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      body = body.replace(/[\\\]^]/g, (m) => '\\' + m);
      re += `[${negate ? '^' : ''}${body}]`;
      i = end;
    } else re += escapeRegExp(c);
  }
  return new RegExp(re + '$');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** matchGlob tests a whole string against a shell pattern. */
export function matchGlob(pattern: string, text: string): boolean {
  return globToRegExp(pattern).test(text);
}
