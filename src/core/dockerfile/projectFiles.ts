import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Read access to a project folder, so detection can run on a folder on disk or on test data. */
export interface ProjectFiles {
  /** The folder's own name (the project name when nothing else names it). */
  readonly folderName: string;
  /** A file's text, or undefined when it does not exist. Paths are relative posix paths. */
  read(relativePath: string): Promise<string | undefined>;
  /** The names in a folder ('' is the root); folders end with '/'. Empty when it does not exist. */
  list(relativeDir: string): Promise<string[]>;
}

const MAX_FILE_BYTES = 1024 * 1024;

/** ProjectFiles over a folder on disk. Files over 1 MiB are treated as absent. */
export function folderProjectFiles(root: string): ProjectFiles {
  return {
    folderName: path.basename(root),
    async read(relativePath) {
      try {
        const buffer = await readFile(path.join(root, ...relativePath.split('/')));
        return buffer.length > MAX_FILE_BYTES ? undefined : buffer.toString('utf8');
      } catch {
        return undefined;
      }
    },
    async list(relativeDir) {
      try {
        const entries = await readdir(path.join(root, ...relativeDir.split('/').filter(Boolean)), {
          withFileTypes: true,
        });
        return entries.map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name));
      } catch {
        return [];
      }
    },
  };
}

/** ProjectFiles over an in-memory map of relative path → text (tests, generated projects). */
export function memoryProjectFiles(
  folderName: string,
  files: Readonly<Record<string, string>>,
): ProjectFiles {
  return {
    folderName,
    read: (relativePath) => Promise.resolve(files[relativePath]),
    list(relativeDir) {
      const prefix = relativeDir === '' ? '' : `${relativeDir.replace(/\/$/, '')}/`;
      const names = new Set<string>();
      for (const file of Object.keys(files)) {
        if (file.startsWith(prefix)) {
          const rest = file.slice(prefix.length);
          const slash = rest.indexOf('/');
          names.add(slash === -1 ? rest : rest.slice(0, slash + 1));
        }
      }
      return Promise.resolve([...names]);
    },
  };
}
