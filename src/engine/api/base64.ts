/**
 * Secret data is base64 of bytes; these read and write it as UTF-8 text without Node's Buffer, so the
 * engine runs in the browser too.
 */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** decodeBase64 gives the text of Secret data; data that is not base64 is returned as it is. */
export function decodeBase64(text: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0)));
  } catch {
    return text;
  }
}
