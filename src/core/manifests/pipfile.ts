import { declarationAt } from './declarationAt';
import { normalizePackageName } from './normalizePackageName';
import type { ManifestDeclarations, PackageDeclaration } from './packageDeclaration';
import { isTable, parseTomlManifest } from './parseTomlManifest';
import { keyValueOf, tomlTableLines } from './tomlTableLines';

/** Tables of a Pipfile that are not package categories. */
const NOT_CATEGORIES = new Set(['source', 'requires', 'scripts', 'pipenv']);

/** Reads a Pipfile: `[packages]`, `[dev-packages]` and any custom package category. */
export function readPipfile(file: string, text: string): ManifestDeclarations {
  const data = parseTomlManifest(file, text);
  const names = new Set<string>();
  for (const [category, table] of Object.entries(data)) {
    if (!NOT_CATEGORIES.has(category) && isTable(table)) {
      for (const key of Object.keys(table)) {
        names.add(normalizePackageName(key));
      }
    }
  }
  const declarations: PackageDeclaration[] = [];
  for (const line of tomlTableLines(text)) {
    const category = line.table[0];
    if (
      line.isHeader ||
      line.table.length !== 1 ||
      category === undefined ||
      NOT_CATEGORIES.has(category)
    ) {
      continue;
    }
    const kv = keyValueOf(line.text);
    if (kv === undefined || !names.has(normalizePackageName(kv.key))) {
      continue;
    }
    const exact =
      /^["']={2,3}\s*([A-Za-z0-9.+!_-]+)["']$/.exec(kv.value)?.[1] ??
      /version\s*=\s*["']={2,3}\s*([A-Za-z0-9.+!_-]+)["']/.exec(kv.value)?.[1];
    declarations.push(
      declarationAt({
        file,
        kind: 'pipfile',
        lineIndex: line.index,
        lineText: line.text,
        start: kv.keyStart,
        end: line.text.trimEnd().length,
        name: kv.key,
        specifier: line.text.trim(),
        version: exact,
      }),
    );
  }
  return { declarations, includes: [] };
}
