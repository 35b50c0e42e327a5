/* eslint-disable no-control-regex -- these patterns exist to remove control characters */
const ANSI_ESCAPES =
  /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/* eslint-enable no-control-regex */

/**
 * Makes a tool's text safe to show as plain text: removes ANSI escape sequences and other
 * control characters (keeping newlines and tabs), and caps its length.
 */
export function plainText(text: string, maxLength = 20_000): string {
  const cleaned = text
    .replace(ANSI_ESCAPES, '')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/\r\n?/g, '\n');
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength)}…` : cleaned;
}
