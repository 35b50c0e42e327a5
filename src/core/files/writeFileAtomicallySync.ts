import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `data` to `file` so that a reader sees the old content or the new, never part of it:
 * the data goes to a hidden temporary file beside `file` (the same folder, so that the rename
 * stays on one file system), which then replaces `file` in one rename. Another process writing
 * the same file at the same time uses a temporary file of its own (the name holds the process
 * id). When either step fails the temporary file is removed and the error is thrown: the folder
 * is left as it was.
 */
export function writeFileAtomicallySync(file: string, data: string | Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The error that matters is the write's or the rename's.
    }
    throw error;
  }
}
