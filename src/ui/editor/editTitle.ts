/**
 * editTitle names the object `kubectl edit` opened, as kubectl names it in its output (`pod/web`), for
 * the Editor's tab; a list of several objects is just "kubectl edit".
 */
export function editTitle(yaml: string): string {
  const kind = /^kind: *["']?([A-Za-z0-9]+)["']? *$/m.exec(yaml)?.[1];
  const name = /^metadata:\s*\n(?:(?: {2,}.*|\s*#.*)?\n)*? {2}name: *["']?([^"'\s]+)["']? *$/m.exec(yaml)?.[1];
  if (!kind || kind === 'List' || !name) return 'kubectl edit';
  return `${kind.toLowerCase()}/${name}`;
}
