/** One line of a TOML file with the table it belongs to. */
export interface TomlLine {
  index: number;
  text: string;
  /** The dotted path of the enclosing table header, unquoted: `[tool.poetry.dependencies]` is ['tool','poetry','dependencies']. */
  table: string[];
  /** True on the header line itself. */
  isHeader: boolean;
}

/**
 * Walks a TOML file line by line and tells which table each line is in. This only locates
 * lines; the structure itself is read with a real TOML parser (smol-toml) by the callers.
 */
export function tomlTableLines(text: string): TomlLine[] {
  const out: TomlLine[] = [];
  let table: string[] = [];
  let multilineString: string | undefined;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (multilineString !== undefined) {
        if (line.includes(multilineString)) {
          multilineString = undefined;
        }
        out.push({ index, text: line, table, isHeader: false });
        return;
      }
      const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
      if (header?.[1] !== undefined) {
        table = splitDottedKey(header[1]);
        out.push({ index, text: line, table, isHeader: true });
        return;
      }
      const opener = /("""|''')/.exec(line);
      if (opener?.[1] !== undefined && line.split(opener[1]).length === 2) {
        multilineString = opener[1];
      }
      out.push({ index, text: line, table, isHeader: false });
    });
  return out;
}

/** Splits `a."b.c".d` into ['a', 'b.c', 'd']. */
export function splitDottedKey(key: string): string[] {
  const parts: string[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(key)) !== null && match[0] !== '') {
    parts.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return parts;
}

/** A `key = value` line: the key (unquoted), where it starts, and the value text. */
export function keyValueOf(
  line: string,
): { key: string; keyStart: number; value: string; valueStart: number } | undefined {
  const match =
    /^(\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*(.*?)\s*(?:#[^"']*)?$/.exec(line);
  if (match?.[2] === undefined || match[1] === undefined || match[3] === undefined) {
    return undefined;
  }
  const rawKey = match[2];
  const key = /^["']/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
  const keyStart = match[1].length;
  return {
    key,
    keyStart,
    value: match[3],
    valueStart: line.indexOf(match[3], keyStart + rawKey.length),
  };
}

/** Every string literal on a line, with its content and where the content starts. */
export function stringLiteralsOf(line: string): { value: string; start: number }[] {
  const out: { value: string; start: number }[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line)) !== null) {
    const value = match[1] ?? match[2] ?? '';
    out.push({ value, start: match.index + 1 });
  }
  return out;
}
