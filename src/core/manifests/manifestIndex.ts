import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describeError } from '../logging/describeError';
import type { Logger } from '../logging/logger';
import { normalizePackageName } from './normalizePackageName';
import type { ManifestKind, PackageDeclaration } from './packageDeclaration';
import { readManifest } from './readManifest';

/** Where a package is declared, preferring the manifests that were audited, then direct declarations over lock files. */
export interface PackageLocator {
  /**
   * The best declaration of a package: in the preferred file if it declares it, else in the
   * first manifest that does; among those, one whose pinned version matches.
   */
  locate(name: string, version?: string, preferredFile?: string): PackageDeclaration | undefined;
  /** The manifests read, in order, relative with forward slashes. */
  readonly files: readonly string[];
}

const KIND_ORDER: Record<ManifestKind, number> = {
  requirements: 0,
  pyproject: 1,
  pipfile: 2,
  'poetry-lock': 3,
  'uv-lock': 4,
  'pipfile-lock': 5,
};

/** Builds a locator from declarations already read (for tests and for the parsers). */
export function createPackageLocator(
  declarations: readonly PackageDeclaration[],
  files: readonly string[],
): PackageLocator {
  const fileOrder = new Map(files.map((f, i) => [f, i]));
  const byName = new Map<string, PackageDeclaration[]>();
  for (const declaration of declarations) {
    const list = byName.get(declaration.name) ?? [];
    list.push(declaration);
    byName.set(declaration.name, list);
  }
  for (const list of byName.values()) {
    list.sort(
      (a, b) =>
        (fileOrder.get(a.file) ?? Number.MAX_SAFE_INTEGER) -
          (fileOrder.get(b.file) ?? Number.MAX_SAFE_INTEGER) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.line - b.line,
    );
  }
  return {
    files,
    locate(name, version, preferredFile) {
      const all = byName.get(normalizePackageName(name));
      if (all === undefined) {
        return undefined;
      }
      const preferred = preferredFile?.replace(/\\/g, '/').replace(/^\.\//, '');
      const inPreferred = all.filter((d) => d.file === preferred);
      const list = inPreferred.length > 0 ? inPreferred : all;
      return (
        (version === undefined ? undefined : list.find((d) => d.version === version)) ?? list[0]
      );
    },
  };
}

/**
 * Reads the given manifests (relative to root) and every requirements file they include with
 * `-r`, once each, and returns a locator over all of them. A manifest that cannot be read or
 * parsed is logged and skipped: a finding then falls back to the file, it is never lost.
 */
export async function loadPackageLocator(
  root: string,
  manifests: readonly string[],
  logger: Logger,
): Promise<PackageLocator> {
  const declarations: PackageDeclaration[] = [];
  const files: string[] = [];
  const queue = manifests.map((m) => m.replace(/\\/g, '/'));
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < 500) {
    const file = path.posix.normalize(queue.shift() ?? '');
    if (seen.has(file)) {
      continue;
    }
    seen.add(file);
    if (file.startsWith('../') || path.isAbsolute(file)) {
      logger.warn(`Not following ${file}: it is outside the workspace.`);
      continue;
    }
    try {
      const text = await readFile(path.join(root, file), 'utf8');
      const read = readManifest(file, text);
      files.push(file);
      declarations.push(...read.declarations);
      queue.push(...read.includes);
    } catch (error) {
      logger.warn(`Could not read manifest ${file}: ${describeError(error)}`);
    }
  }
  return createPackageLocator(declarations, files);
}
