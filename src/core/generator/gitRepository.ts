import { UserError } from '../errors/userError';
import type { Logger } from '../logging/logger';
import { runProcess } from '../process/runProcess';

export interface GitOptions {
  readonly executable?: string;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
}

async function git(folder: string, args: readonly string[], options: GitOptions): Promise<string> {
  const outcome = await runProcess({
    executable: options.executable ?? 'git',
    args,
    cwd: folder,
    logger: options.logger,
    timeoutMs: 60_000,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  if (outcome.exitCode !== 0) {
    throw new UserError(
      `git ${args[0] ?? ''} failed in ${folder} (exit ${outcome.exitCode}): ${outcome.stderrTail.trim()}`,
    );
  }
  return outcome.stdout;
}

/** `git config --get KEY` in `folder`; empty when unset or git is missing. */
export async function gitConfigValue(
  folder: string,
  key: string,
  options: GitOptions,
): Promise<string> {
  try {
    const outcome = await runProcess({
      executable: options.executable ?? 'git',
      args: ['config', '--get', key],
      cwd: folder,
      logger: options.logger,
      timeoutMs: 10_000,
      ...(options.env ? { env: options.env } : {}),
    });
    return outcome.exitCode === 0 ? outcome.stdout.trim() : '';
  } catch {
    return '';
  }
}

/**
 * `git init` with a first commit of every file. The author is the one given (the project's),
 * passed through the environment, so a machine without a git identity still commits.
 */
export async function initialCommit(
  folder: string,
  author: { name: string; email: string },
  options: GitOptions,
): Promise<void> {
  const name = author.name.trim() || 'OpenPypi';
  const email = author.email.trim() || 'openpypi@localhost';
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
  };
  const withEnv = { ...options, env };
  await git(folder, ['init', '--quiet', '--initial-branch=main'], withEnv);
  await git(folder, ['add', '--all'], withEnv);
  await git(
    folder,
    ['commit', '--quiet', '--no-verify', '-m', 'Initial project from OpenPypi'],
    withEnv,
  );
}
