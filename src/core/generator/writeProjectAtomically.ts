import {
  chmod,
  mkdtemp,
  mkdir,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { CancelledError } from '../errors/cancelledError';
import { UserError } from '../errors/userError';
import type { GeneratedFile } from './projectSpec';

export interface AtomicWriteOptions {
  readonly signal?: AbortSignal;
  /** Called after each file, with how many are written of how many. */
  readonly onFile?: (written: number, total: number, file: string) => void;
  /** Runs in the finished temporary folder before it takes the target's name (git init). */
  readonly beforeRename?: (folder: string) => Promise<void>;
}

/** Whether `folder` may become the project: it does not exist, or it is an empty folder. */
export async function targetProblem(folder: string): Promise<string | undefined> {
  let info;
  try {
    info = await stat(folder);
  } catch {
    return undefined;
  }
  if (!info.isDirectory()) return `${folder} exists and is not a folder.`;
  if ((await readdir(folder)).length > 0) {
    return `The folder ${folder} already exists and is not empty. Choose another name or parent folder.`;
  }
  return undefined;
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new CancelledError('Project creation cancelled');
}

function inside(root: string, relative: string): string {
  const target = path.resolve(root, relative);
  if (relative.includes('\0') || !target.startsWith(root + path.sep)) {
    throw new UserError(`The template file path "${relative}" leaves the project folder.`);
  }
  return target;
}

/**
 * Writes `files` as the folder `target`, all or nothing: everything goes into a temporary
 * folder next to the target, which is renamed to the target at the end. A bad target,
 * a failure or a cancellation midway removes the temporary folder and leaves the disk as it
 * was. An empty folder at `target` is replaced; any other existing target is a UserError.
 */
export async function writeProjectAtomically(
  target: string,
  files: readonly GeneratedFile[],
  options: AtomicWriteOptions = {},
): Promise<void> {
  const problem = await targetProblem(target);
  if (problem !== undefined) throw new UserError(problem);
  const parent = path.dirname(target);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new UserError(
      `The parent folder ${parent} cannot be created (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const temporary = await mkdtemp(path.join(parent, `.${path.basename(target)}.openpypi-`));
  try {
    // mkdtemp makes the folder private (0700); the project gets an ordinary folder's mode.
    await chmod(temporary, 0o755);
    let written = 0;
    for (const file of files) {
      stopIfCancelled(options.signal);
      const destination = inside(temporary, file.path);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.content, { flag: 'wx' });
      written += 1;
      options.onFile?.(written, files.length, file.path);
    }
    stopIfCancelled(options.signal);
    await options.beforeRename?.(temporary);
    stopIfCancelled(options.signal);
    const stillFree = await targetProblem(target);
    if (stillFree !== undefined) throw new UserError(stillFree);
    await rmdir(target).catch(() => undefined);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
