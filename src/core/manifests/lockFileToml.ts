import { declarationAt } from './declarationAt';
import type { ManifestDeclarations, PackageDeclaration } from './packageDeclaration';
import { normalizePackageName } from './normalizePackageName';
import { isTable, parseTomlManifest } from './parseTomlManifest';
import { keyValueOf, tomlTableLines } from './tomlTableLines';

/**
 * Reads a TOML lock file made of `[[package]]` tables with `name` and `version` keys:
 * poetry.lock and uv.lock. Each package is declared on its `name = "..."` line.
 */
export function lockFileToml(
  file: string,
  text: string,
  kind: 'poetry-lock' | 'uv-lock',
): ManifestDeclarations {
  const data = parseTomlManifest(file, text);
  const parsedNames = new Set<string>();
  for (const entry of Array.isArray(data.package) ? (data.package as unknown[]) : []) {
    if (isTable(entry) && typeof entry.name === 'string') {
      parsedNames.add(normalizePackageName(entry.name));
    }
  }
  const declarations: PackageDeclaration[] = [];
  let current: { lineIndex: number; lineText: string; start: number; name: string } | undefined;
  let version: string | undefined;
  const flush = (): void => {
    if (current !== undefined) {
      declarations.push(
        declarationAt({
          file,
          kind,
          lineIndex: current.lineIndex,
          lineText: current.lineText,
          start: current.start,
          end: current.lineText.trimEnd().length,
          name: current.name,
          specifier: version === undefined ? current.name : `${current.name}==${version}`,
          version,
        }),
      );
    }
    current = undefined;
    version = undefined;
  };
  for (const line of tomlTableLines(text)) {
    if (line.isHeader) {
      flush();
      continue;
    }
    if (line.table.length !== 1 || line.table[0] !== 'package') {
      continue;
    }
    const kv = keyValueOf(line.text);
    const value = kv === undefined ? undefined : /^["']([^"']*)["']$/.exec(kv.value)?.[1];
    if (kv?.key === 'name' && value !== undefined && current === undefined) {
      current = { lineIndex: line.index, lineText: line.text, start: kv.keyStart, name: value };
    } else if (kv?.key === 'version' && value !== undefined && version === undefined) {
      version = value;
    }
  }
  flush();
  // The parser is the authority on what is a package; the line scan only says where.
  return { declarations: declarations.filter((d) => parsedNames.has(d.name)), includes: [] };
}
