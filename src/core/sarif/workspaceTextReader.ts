import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Reads a workspace file's text by its POSIX path relative to the root; undefined when unreadable. */
export type TextReader = (relativePath: string) => string | undefined;

const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * A reader over the files of `root`, caching each file once. Files that are missing, not regular
 * files, or larger than 8 MB read as undefined; fingerprints then fall back to other evidence.
 */
export function workspaceTextReader(root: string): TextReader {
  const cache = new Map<string, string | undefined>();
  return (relativePath) => {
    if (cache.has(relativePath)) {
      return cache.get(relativePath);
    }
    let text: string | undefined;
    try {
      const file = path.join(root, ...relativePath.split('/'));
      const stats = statSync(file);
      text =
        stats.isFile() && stats.size <= MAX_FILE_BYTES ? readFileSync(file, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    cache.set(relativePath, text);
    return text;
  };
}
