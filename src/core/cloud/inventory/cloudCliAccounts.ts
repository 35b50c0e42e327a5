import { findExecutable } from '../../process/findExecutable';
import { runProcess } from '../../process/runProcess';
import type { Logger } from '../../logging/logger';

/** The active account of a cloud CLI, when the CLI is installed and signed in. */
export type CliAccount =
  | { readonly cli: 'gcloud' | 'az'; readonly state: 'not-installed' }
  | { readonly cli: 'gcloud' | 'az'; readonly state: 'signed-out' }
  | {
      readonly cli: 'gcloud' | 'az';
      readonly state: 'active';
      readonly account: string;
      readonly detail?: string;
    }
  | { readonly cli: 'gcloud' | 'az'; readonly state: 'failed'; readonly reason: string };

/** How each CLI is asked for its active account: argument arrays, never a shell. */
export const cliAccountQueries = {
  gcloud: ['auth', 'list', '--filter=status:ACTIVE', '--format=value(account)'],
  az: ['account', 'show', '--output', 'json'],
} as const;

/** Reads the CLI's answer: gcloud prints the account, az prints the subscription as JSON. */
export function parseCliAccount(cli: 'gcloud' | 'az', stdout: string): CliAccount {
  if (cli === 'gcloud') {
    const account = stdout
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '');
    return account === undefined ? { cli, state: 'signed-out' } : { cli, state: 'active', account };
  }
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    return { cli, state: 'failed', reason: 'az printed something that is not JSON.' };
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const user = record.user as Record<string, unknown> | undefined;
  const account = typeof user?.name === 'string' ? user.name : undefined;
  const subscription = typeof record.name === 'string' ? record.name : undefined;
  if (account === undefined) return { cli, state: 'signed-out' };
  return subscription === undefined
    ? { cli, state: 'active', account }
    : { cli, state: 'active', account, detail: subscription };
}

export interface CliAccountOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/**
 * Asks gcloud or az for the active account, only when that CLI is on PATH. The caller checks
 * workspace trust first: this spawns a process.
 */
export async function readCliAccount(
  cli: 'gcloud' | 'az',
  options: CliAccountOptions,
): Promise<CliAccount> {
  const executable = await findExecutable({ name: cli, env: options.env });
  if (executable === undefined) return { cli, state: 'not-installed' };
  try {
    const outcome = await runProcess({
      executable,
      args: cliAccountQueries[cli],
      cwd: options.cwd,
      env: options.env,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxStdoutBytes: 1024 * 1024,
      logger: options.logger,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    if (outcome.exitCode !== 0) {
      // Both CLIs exit non-zero when nobody is signed in.
      options.logger.debug(`${cli} exited with ${outcome.exitCode}: ${outcome.stderrTail}`);
      return { cli, state: 'signed-out' };
    }
    return parseCliAccount(cli, outcome.stdout);
  } catch (error) {
    return { cli, state: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
