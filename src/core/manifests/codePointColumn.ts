/** Converts a UTF-16 index into a line to a 1-based column counted in Unicode code points (SARIF `unicodeCodePoints`). */
export function codePointColumn(line: string, utf16Index: number): number {
  return codePointLength(line.slice(0, utf16Index)) + 1;
}

/** The number of Unicode code points in a string: a surrogate pair counts once. */
export function codePointLength(text: string): number {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;
}
