// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// eslint-disable-next-line no-control-regex -- so is removing ANSI escapes
const ANSI_ESCAPE = /\u001B\[[0-9;]*[A-Za-z]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- any character one of the above could remove
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;
const MAX_TEXT = 64 * 1024;

/**
 * Text from a tool, made safe to write and to show as plain text: ANSI colour escapes and
 * control characters are removed, broken UTF-16 is replaced, and very long text is cut.
 * HTML and Markdown are left as the literal characters they are; nothing here builds markup,
 * and nothing downstream may render tool text as Markdown or HTML.
 */
export function plainText(text: string): string {
  if (text.length <= MAX_TEXT && !SUSPECT.test(text)) {
    return text;
  }
  const cleaned = text
    .replace(ANSI_ESCAPE, '')
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '\uFFFD');
  return cleaned.length > MAX_TEXT
    ? `${cleaned.slice(0, MAX_TEXT)}… [cut at ${MAX_TEXT} characters]`
    : cleaned;
}
