import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Reads a workspace file's text by its POSIX path relative to the root; undefined when unreadable. */
export type TextReader = (relativePath: string) => string | undefined;

const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * A reader over the files of `root`. Files that are missing, not regular files, or larger than
 * 8 MB read as undefined; fingerprints then fall back to other evidence. With `cache`, each file
 * is read once and kept; without, nothing is kept (for callers that read each file once).
 */
export function workspaceTextReader(root: string, cache = true): TextReader {
  const texts = new Map<string, string | undefined>();
  return (relativePath) => {
    if (texts.has(relativePath)) {
      return texts.get(relativePath);
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
    if (cache) {
      texts.set(relativePath, text);
    }
    return text;
  };
}
