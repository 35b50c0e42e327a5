import { declarationAt, pinnedVersion } from './declarationAt';
import { normalizePackageName } from './normalizePackageName';
import type { ManifestDeclarations, PackageDeclaration } from './packageDeclaration';
import { isTable, parseTomlManifest, tableAt } from './parseTomlManifest';
import { requirementName, requirementVersionSpec } from './requirementName';
import { keyValueOf, stringLiteralsOf, tomlTableLines } from './tomlTableLines';

/**
 * Reads the dependencies a pyproject.toml declares: PEP 621 `[project] dependencies` and
 * `optional-dependencies`, PEP 735 `[dependency-groups]`, and Poetry's
 * `[tool.poetry.dependencies]`, `dev-dependencies` and `[tool.poetry.group.*.dependencies]`.
 */
export function readPyprojectToml(file: string, text: string): ManifestDeclarations {
  const data = parseTomlManifest(file, text);
  const pep508Names = new Set<string>();
  const project = tableAt(data, ['project']);
  const pep508Lists: unknown[] = [project?.dependencies];
  for (const group of [
    tableAt(project, ['optional-dependencies']),
    tableAt(data, ['dependency-groups']),
  ]) {
    pep508Lists.push(...Object.values(group ?? {}));
  }
  for (const list of pep508Lists) {
    if (Array.isArray(list)) {
      for (const item of list) {
        const name = typeof item === 'string' ? requirementName(item) : undefined;
        if (name !== undefined) {
          pep508Names.add(normalizePackageName(name));
        }
      }
    }
  }
  const poetryNames = new Set<string>();
  const poetry = tableAt(data, ['tool', 'poetry']);
  const poetryTables = [tableAt(poetry, ['dependencies']), tableAt(poetry, ['dev-dependencies'])];
  for (const group of Object.values(tableAt(poetry, ['group']) ?? {})) {
    poetryTables.push(isTable(group) ? tableAt(group, ['dependencies']) : undefined);
  }
  for (const table of poetryTables) {
    for (const key of Object.keys(table ?? {})) {
      if (key !== 'python') {
        poetryNames.add(normalizePackageName(key));
      }
    }
  }

  const declarations: PackageDeclaration[] = [];
  let inArray = false;
  for (const line of tomlTableLines(text)) {
    const table = line.table.join('.');
    if (line.isHeader) {
      inArray = false;
      const poetryTableKey = poetrySubtablePackage(line.table);
      if (poetryTableKey !== undefined && poetryNames.has(normalizePackageName(poetryTableKey))) {
        const start = line.text.indexOf(poetryTableKey);
        declarations.push(
          declarationAt({
            file,
            kind: 'pyproject',
            lineIndex: line.index,
            lineText: line.text,
            start: Math.max(0, start),
            end: line.text.trimEnd().length,
            name: poetryTableKey,
            specifier: line.text.trim(),
          }),
        );
      }
      continue;
    }
    const isPep508Table =
      table === 'project' ||
      table === 'project.optional-dependencies' ||
      table === 'dependency-groups';
    if (isPep508Table) {
      let scanFrom = 0;
      if (!inArray) {
        const kv = keyValueOf(line.text);
        const opensList =
          kv !== undefined &&
          kv.value.startsWith('[') &&
          (table !== 'project' || kv.key === 'dependencies');
        if (!opensList) {
          continue;
        }
        inArray = true;
        scanFrom = kv.valueStart;
      }
      const rest = line.text.slice(scanFrom);
      for (const literal of stringLiteralsOf(rest)) {
        const name = requirementName(literal.value);
        if (name !== undefined && pep508Names.has(normalizePackageName(name))) {
          const start = scanFrom + literal.start;
          declarations.push(
            declarationAt({
              file,
              kind: 'pyproject',
              lineIndex: line.index,
              lineText: line.text,
              start,
              end: start + literal.value.length,
              name,
              specifier: literal.value,
              version: pinnedVersion(requirementVersionSpec(literal.value)),
            }),
          );
        }
      }
      if (rest.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '').includes(']')) {
        inArray = false;
      }
      continue;
    }
    if (isPoetryDependencyTable(line.table)) {
      const kv = keyValueOf(line.text);
      if (
        kv !== undefined &&
        kv.key !== 'python' &&
        poetryNames.has(normalizePackageName(kv.key))
      ) {
        const exact = /^["']=*\s*(\d[A-Za-z0-9.+!_-]*)["']$/.exec(kv.value)?.[1];
        declarations.push(
          declarationAt({
            file,
            kind: 'pyproject',
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
    }
  }
  return { declarations, includes: [] };
}

function isPoetryDependencyTable(table: readonly string[]): boolean {
  if (table[0] !== 'tool' || table[1] !== 'poetry') {
    return false;
  }
  return (
    (table.length === 3 && (table[2] === 'dependencies' || table[2] === 'dev-dependencies')) ||
    (table.length === 5 && table[2] === 'group' && table[4] === 'dependencies')
  );
}

/** `[tool.poetry.dependencies.requests]` declares `requests` on its header line. */
function poetrySubtablePackage(table: readonly string[]): string | undefined {
  const parent = table.slice(0, -1);
  return table.length >= 4 && isPoetryDependencyTable(parent) ? table[table.length - 1] : undefined;
}
