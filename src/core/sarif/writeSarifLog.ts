import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';

/** Where a scan's log goes, relative to the workspace root, unless told otherwise. */
export const DEFAULT_REPORT_PATH = '.openpypi/reports/openpypi.sarif';

/** The report path for `root`: `target` (relative to `root` when not absolute) or the default. */
export function reportPath(root: string, target?: string): string {
  return path.resolve(root, target ?? DEFAULT_REPORT_PATH);
}

/**
 * Writes `log` to `file` atomically: the JSON goes to a temporary file in the same folder, which
 * then replaces `file` in one rename, so a reader never sees half a log. Creates the folders.
 */
export async function writeSarifLog(file: string, log: Log): Promise<string> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(log, null, 2)}\n`, 'utf8');
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}
