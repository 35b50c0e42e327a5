import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { ExecutableNotFoundError } from './processErrors';

export interface ExecutableLookup {
  /** The bare name of the tool, e.g. `bandit`. */
  name: string;
  /** A path given by a machine-scoped setting or a CLI flag. It wins, and must exist. */
  explicitPath?: string;
  /** A Python environment (a venv folder); its `bin/` (or `Scripts\`) is searched next. */
  pythonEnvironment?: string;
  /** The environment whose PATH (and PATHEXT on Windows) is searched last. */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/**
 * Finds the executable of a tool: the explicit path, then the Python environment's scripts
 * folder, then PATH. No shell is involved. Returns an absolute path, or undefined when the tool
 * is not installed. An explicit path that does not exist is an error, not a fallback, so a
 * mistyped setting is reported rather than silently replaced by another binary.
 */
export async function findExecutable(lookup: ExecutableLookup): Promise<string | undefined> {
  const platform = lookup.platform ?? process.platform;
  const env = lookup.env ?? process.env;
  const isWindows = platform === 'win32';
  const pathApi = isWindows ? path.win32 : path.posix;
  const extensions = isWindows
    ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '')]
    : [''];

  if (lookup.explicitPath !== undefined && lookup.explicitPath.trim() !== '') {
    const explicit = pathApi.resolve(lookup.explicitPath);
    for (const ext of extensions) {
      if (await isExecutableFile(explicit + ext, isWindows)) {
        return explicit + ext;
      }
    }
    throw new ExecutableNotFoundError(
      lookup.name,
      `the configured path ${explicit} does not exist or is not executable. Fix the setting or flag that names it.`,
    );
  }

  const folders: string[] = [];
  if (lookup.pythonEnvironment !== undefined && lookup.pythonEnvironment !== '') {
    folders.push(pathApi.join(lookup.pythonEnvironment, isWindows ? 'Scripts' : 'bin'));
  }
  const pathVariable = isWindows ? (env.Path ?? env.PATH ?? '') : (env.PATH ?? '');
  for (const folder of pathVariable.split(pathApi.delimiter)) {
    // An empty PATH entry means the current directory; never run a binary from the workspace by accident.
    if (folder !== '' && pathApi.isAbsolute(folder)) {
      folders.push(folder);
    }
  }
  for (const folder of folders) {
    for (const ext of extensions) {
      const candidate = pathApi.join(folder, lookup.name + ext);
      if (await isExecutableFile(candidate, isWindows)) {
        return candidate;
      }
    }
  }
  return undefined;
}

async function isExecutableFile(file: string, isWindows: boolean): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      return false;
    }
    if (!isWindows) {
      await access(file, constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}
