import * as path from 'node:path';
import type { ManifestKind } from './packageDeclaration';

/** What kind of manifest a file is, from its name; undefined for other files. */
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
  if (
    /^requirements.*\.(txt|in)$/.test(lower) ||
    /(^|\/)requirements\/[^/]+\.(txt|in)$/i.test(file)
  ) {
    return 'requirements';
  }
  return undefined;
}
