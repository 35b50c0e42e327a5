import { describeError } from '../logging/describeError';
import type { Logger } from '../logging/logger';
import { runProcess } from '../process/runProcess';
import type { Scanner } from './scanner';

const VERSION_TIMEOUT_MS = 30_000;

/** Which tool to ask for its version, and how to run it. */
export interface VersionQuery {
  readonly scanner: Scanner;
  readonly executable: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv | undefined;
  readonly logger: Logger;
}

/** Asks each executable for its version once per session; the answer (or its absence) is kept. */
export class ToolVersionCache {
  private readonly versions = new Map<string, Promise<string | undefined>>();

  version(query: VersionQuery): Promise<string | undefined> {
    const key = `${query.scanner.id}\0${query.executable}`;
    let version = this.versions.get(key);
    if (version === undefined) {
      version = ask(query);
      this.versions.set(key, version);
    }
    return version;
  }

  clear(): void {
    this.versions.clear();
  }
}

async function ask({
  scanner,
  executable,
  cwd,
  env,
  logger,
}: VersionQuery): Promise<string | undefined> {
  try {
    const out = await runProcess({
      executable,
      args: scanner.versionArgs,
      cwd,
      env,
      timeoutMs: VERSION_TIMEOUT_MS,
      maxStdoutBytes: 1024 * 1024,
      logger,
    });
    const version = scanner.parseVersion(`${out.stdout}\n${out.stderrTail}`);
    if (version === undefined) {
      logger.warn(
        `Could not read the version of ${scanner.displayName} from "${out.stdout.trim().slice(0, 200)}".`,
      );
    }
    return version;
  } catch (error) {
    logger.warn(`Could not ask ${scanner.displayName} for its version: ${describeError(error)}`);
    return undefined;
  }
}

/** The cache the engine uses unless a caller brings its own. */
export const defaultToolVersionCache = new ToolVersionCache();
