import { declarationAt } from './declarationAt';
import { ManifestParseError } from './manifestParseError';
import type { ManifestDeclarations, PackageDeclaration } from './packageDeclaration';
import { isTable } from './parseTomlManifest';

/** Reads a Pipfile.lock (JSON): the packages under `default`, `develop` and other categories. */
export function readPipfileLock(file: string, text: string): ManifestDeclarations {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ManifestParseError(file, 'invalid JSON. Regenerate it with `pipenv lock`.');
  }
  if (!isTable(data)) {
    throw new ManifestParseError(file, 'expected a JSON object with "default" and "develop".');
  }
  const wanted = new Map<string, Map<string, string | undefined>>();
  for (const [category, table] of Object.entries(data)) {
    if (category !== '_meta' && isTable(table)) {
      const versions = new Map<string, string | undefined>();
      for (const [name, entry] of Object.entries(table)) {
        const version =
          isTable(entry) && typeof entry.version === 'string' ? entry.version : undefined;
        versions.set(name, version?.replace(/^={2,3}/, ''));
      }
      wanted.set(category, versions);
    }
  }
  const declarations: PackageDeclaration[] = [];
  const lines = text.split(/\r?\n/);
  let category: Map<string, string | undefined> | undefined;
  let categoryIndent = -1;
  lines.forEach((lineText, lineIndex) => {
    const key = /^(\s*)"((?:[^"\\]|\\.)*)"\s*:\s*\{/.exec(lineText);
    if (key?.[1] === undefined || key[2] === undefined) {
      return;
    }
    const indent = key[1].length;
    if (category === undefined || indent <= categoryIndent) {
      category = wanted.get(key[2]);
      categoryIndent = category === undefined ? -1 : indent;
      return;
    }
    if (category.has(key[2])) {
      const start = indent + 1;
      const version = category.get(key[2]);
      declarations.push(
        declarationAt({
          file,
          kind: 'pipfile-lock',
          lineIndex,
          lineText,
          start,
          end: start + key[2].length,
          name: key[2],
          specifier: version === undefined ? key[2] : `${key[2]}==${version}`,
          version,
        }),
      );
      category.delete(key[2]);
    }
  });
  return { declarations, includes: [] };
}
