import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { manifestKind } from './manifestKind';

/** Folders never searched: version control, caches, virtual environments, other ecosystems' packages. */
const SKIPPED = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '__pycache__',
  '.tox',
  '.nox',
  '.venv',
  'venv',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  'site-packages',
  '.openpypi',
]);

export interface FindManifestsOptions {
  /** How many folder levels below the root are searched. Default 4. */
  maxDepth?: number;
  /** Stop after this many manifests. Default 200. */
  limit?: number;
}

/**
 * Lists the Python manifests in a workspace (requirements*.txt, requirements/*.txt,
 * pyproject.toml, Pipfile, Pipfile.lock, poetry.lock, uv.lock), relative to the root with
 * forward slashes, sorted so that shallower files come first.
 */
export async function findManifests(
  root: string,
  options: FindManifestsOptions = {},
): Promise<string[]> {
  const maxDepth = options.maxDepth ?? 4;
  const limit = options.limit ?? 200;
  const found: string[] = [];
  const visit = async (relative: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    // A virtual environment under any name carries a pyvenv.cfg: never search inside one.
    if (depth > 0 && entries.some((e) => e.isFile() && e.name === 'pyvenv.cfg')) {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const file = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isFile() && manifestKind(file) !== undefined && found.length < limit) {
        found.push(file);
      }
    }
    if (depth >= maxDepth) {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED.has(entry.name) && found.length < limit) {
        await visit(relative === '' ? entry.name : `${relative}/${entry.name}`, depth + 1);
      }
    }
  };
  await visit('', 0);
  return found;
}
