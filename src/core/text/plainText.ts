/* eslint-disable no-control-regex -- these patterns exist to remove control characters */
/** CSI (colours, cursor; private `?` parameters too), OSC (titles, hyperlinks), two-byte escapes. */
const ANSI_ESCAPES =
  /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
/** Control characters but tab, line feed and carriage return (line endings are folded apart). */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Any character one of the replacements below could change: the fast path skips the rest. */
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f\ud800-\udfff]/;
/* eslint-enable no-control-regex */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The default cap: room for a rule's full help text, short of a pathological output. */
export const MAX_PLAIN_TEXT = 64 * 1024;

/**
 * Text from a tool (its own output or a SARIF log), made safe to write and to show as plain
 * text: ANSI escapes and control characters are removed (tabs and newlines kept, CRLF and CR
 * become LF), broken UTF-16 is replaced with U+FFFD, and text longer than `maxLength` is cut
 * with a note saying so. HTML and Markdown stay the literal characters they are; nothing here
 * builds markup, and nothing downstream may render tool text as Markdown or HTML.
 */
export function plainText(text: string, maxLength = MAX_PLAIN_TEXT): string {
  if (text.length <= maxLength && !SUSPECT.test(text)) {
    return text;
  }
  const cleaned = text
    .replace(ANSI_ESCAPES, '')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/\r\n?/g, '\n')
    .replace(LONE_SURROGATE, '\uFFFD');
  return cleaned.length > maxLength
    ? `${cleaned.slice(0, maxLength)}… [cut at ${maxLength} characters]`
    : cleaned;
}
