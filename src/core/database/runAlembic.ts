import type { Logger } from '../logging/logger';
import { runProcess } from '../process/runProcess';
import { alembicEnvironment, alembicProcessArguments, type AlembicAction } from './alembicCommand';

export interface AlembicRun {
  /** The project's Python (its environment must have Alembic and the database driver). */
  readonly python: string;
  /** The folder alembic.ini is in; Alembic runs there. */
  readonly projectFolder: string;
  readonly iniFile: string;
  readonly action: AlembicAction;
  /** For `revision`: the message. */
  readonly message?: string;
  /** The SQLAlchemy URL with the password: it reaches Alembic through the environment only. */
  readonly databaseUrl: string;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly onOutput?: (text: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

export interface AlembicOutcome {
  readonly exitCode: number;
  /** stdout and stderr as they came, interleaved. */
  readonly output: string;
}

/** Runs one Alembic action with the project's Python; the output is streamed and collected. */
export async function runAlembic(run: AlembicRun): Promise<AlembicOutcome> {
  let output = '';
  const outcome = await runProcess({
    executable: run.python,
    args: alembicProcessArguments(run.iniFile, run.action, run.message),
    cwd: run.projectFolder,
    env: alembicEnvironment(run.env ?? process.env, run.databaseUrl),
    logger: run.logger,
    timeoutMs: run.timeoutMs ?? 10 * 60 * 1000,
    ...(run.signal ? { signal: run.signal } : {}),
    onOutput: (text) => {
      output += text;
      run.onOutput?.(text);
    },
  });
  return { exitCode: outcome.exitCode, output };
}

/** The line of Alembic's output that says why it failed (the last error line), for a message. */
export function alembicFailure(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const error = [...lines]
    .reverse()
    .find((line) => /^(FAILED|ERROR|[A-Za-z_.]*(Error|Exception)\b)/.test(line));
  return error ?? lines[lines.length - 1] ?? 'no output';
}
