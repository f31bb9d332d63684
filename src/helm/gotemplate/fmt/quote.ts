/** strconv.Quote, QuoteToASCII, QuoteRune and CanBackquote, for %q and Go-syntax printing. */

/** isPrint approximates unicode.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020. */
export function isPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp === 0xfffe || cp === 0xffff || (cp >= 0xfdd0 && cp <= 0xfdef)) return false;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(cp: number, quote: number, asciiOnly: boolean): string {
  if (cp === quote || cp === 0x5c) return `\\${String.fromCodePoint(cp)}`;
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\\ufffd';
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

/** quote is strconv.Quote (asciiOnly: QuoteToASCII). */
export function quote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0, 0x22, asciiOnly);
  return `${out}"`;
}

/** quoteRune is strconv.QuoteRune (asciiOnly: QuoteRuneToASCII). */
export function quoteRune(cp: number, asciiOnly = false): string {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  return `'${escapeRune(cp, 0x27, asciiOnly)}'`;
}

/** canBackquote is strconv.CanBackquote: one line, no control characters but tab, no backquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x60 || cp === 0xfeff) return false;
    if (cp < 0x20 && cp !== 0x09) return false;
    if (cp === 0x7f) return false;
  }
  return true;
}
