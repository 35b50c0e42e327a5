/** A tool-supplied link, kept only when it is a well-formed http(s) URL (never `javascript:` or `file:`). */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.length > 2048) {
    return undefined;
  }
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
