import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { writeFileAtomicallySync } from '../core/files/writeFileAtomicallySync';
import type { Logger } from '../core/logging/logger';
import type { Scanner } from '../core/scanners/scanner';
import { ToolVersionCache, type VersionQuery } from '../core/scanners/toolVersionCache';

type Entries = Record<string, string>;

/** The user's cache folder for OpenPypi: $XDG_CACHE_HOME/openpypi, else ~/.cache/openpypi. */
export function cliCacheFolder(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME;
  return path.join(
    base !== undefined && path.isAbsolute(base) ? base : path.join(homedir(), '.cache'),
    'openpypi',
  );
}

/**
 * Remembers tool versions between CLI runs, so that a scan does not start a Python interpreter
 * only to ask `bandit --version` every time. An entry is keyed by the executable's path, size and
 * modification time, so installing another version of the tool invalidates it. The file is an
 * optimisation only: when it cannot be read or written, the tool is asked as usual.
 */
export class PersistentToolVersionCache extends ToolVersionCache {
  private entries: Entries | undefined;

  constructor(private readonly file: string) {
    super();
  }

  override async version(query: VersionQuery): Promise<string | undefined> {
    const { scanner, executable, logger } = query;
    const key = this.keyFor(scanner, executable);
    const known = key === undefined ? undefined : this.load(logger)[key];
    if (known !== undefined) {
      return known;
    }
    const version = await super.version(query);
    if (key !== undefined && version !== undefined) {
      this.store(key, version, logger);
    }
    return version;
  }

  private keyFor(scanner: Scanner, executable: string): string | undefined {
    try {
      const stats = statSync(executable);
      return `${scanner.id}|${path.resolve(executable)}|${stats.size}|${Math.round(stats.mtimeMs)}`;
    } catch {
      return undefined;
    }
  }

  private load(logger: Logger): Entries {
    if (this.entries === undefined) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
        this.entries = {};
        if (typeof parsed === 'object' && parsed !== null) {
          for (const [key, value] of Object.entries(parsed)) {
            if (typeof value === 'string') this.entries[key] = value;
          }
        }
      } catch (error) {
        logger.debug(`No tool version cache read from ${this.file}: ${String(error)}`);
        this.entries = {};
      }
    }
    return this.entries;
  }

  private store(key: string, version: string, logger: Logger): void {
    const entries = { ...this.load(logger), [key]: version };
    this.entries = entries;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomicallySync(this.file, JSON.stringify(entries));
    } catch (error) {
      logger.debug(`Tool version cache not written to ${this.file}: ${String(error)}`);
    }
  }
}
