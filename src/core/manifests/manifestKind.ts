import * as path from 'node:path';
import type { ManifestKind } from './packageDeclaration';

/**
 * What kind of manifest a file is, from its name; undefined for other files. pip-tools `.in`
 * inputs are left out: they are unpinned, and their compiled `.txt` is what gets installed.
 */
export function manifestKind(file: string): ManifestKind | undefined {
  const base = path.posix.basename(file.replace(/\\/g, '/'));
  const lower = base.toLowerCase();
  if (lower === 'pyproject.toml') {
    return 'pyproject';
  }
  if (base === 'Pipfile') {
    return 'pipfile';
  }
  if (base === 'Pipfile.lock') {
    return 'pipfile-lock';
  }
  if (lower === 'poetry.lock') {
    return 'poetry-lock';
  }
  if (lower === 'uv.lock') {
    return 'uv-lock';
  }
  if (/^requirements.*\.txt$/.test(lower) || /(^|\/)requirements\/[^/]+\.txt$/i.test(file)) {
    return 'requirements';
  }
  return undefined;
}
