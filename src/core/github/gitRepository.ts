import { UserError } from '../errors/userError';
import type { Logger } from '../logging/logger';
import { runProcess } from '../process/runProcess';

/**
 * The git facts and actions the GitHub commands need, through the real `git` with argument
 * arrays. A token for a push goes in the child's environment (GIT_CONFIG_* entries), never on
 * its command line.
 */
export class GitRepository {
  constructor(
    private readonly folder: string,
    private readonly logger: Logger,
    private readonly git = 'git',
  ) {}

  private async run(
    args: string[],
    options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {},
  ) {
    const outcome = await runProcess({
      executable: this.git,
      args,
      cwd: this.folder,
      logger: this.logger,
      timeoutMs: 120_000,
      ...(options.env === undefined ? {} : { env: options.env }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return outcome;
  }

  private async output(args: string[]): Promise<string | undefined> {
    const outcome = await this.run(args);
    return outcome.exitCode === 0 ? outcome.stdout.trim() : undefined;
  }

  /** Whether the folder is inside a git work tree. */
  async isRepository(): Promise<boolean> {
    return (await this.output(['rev-parse', '--is-inside-work-tree'])) === 'true';
  }

  async headSha(): Promise<string> {
    const sha = await this.output(['rev-parse', 'HEAD']);
    if (sha === undefined || !/^[0-9a-f]{40}$/.test(sha)) {
      throw new UserError(
        'This folder has no git commit yet: commit your work first, so the upload can name the commit it belongs to.',
      );
    }
    return sha;
  }

  /** The full ref of the checked-out branch (refs/heads/NAME). */
  async currentRef(): Promise<string> {
    const ref = await this.output(['symbolic-ref', '-q', 'HEAD']);
    if (!ref?.startsWith('refs/')) {
      throw new UserError(
        'The git HEAD is detached: check out a branch first, so results can be attached to it.',
      );
    }
    return ref;
  }

  async remoteUrl(remote = 'origin'): Promise<string | undefined> {
    return this.output(['remote', 'get-url', remote]);
  }

  /** Tags, newest first. */
  async tags(): Promise<string[]> {
    const text = await this.output(['tag', '--list', '--sort=-creatordate']);
    return (text ?? '').split('\n').filter((t) => t !== '');
  }

  async addRemote(name: string, url: string): Promise<void> {
    const outcome = await this.run(['remote', 'add', name, url]);
    if (outcome.exitCode !== 0) {
      throw new UserError(`git could not add the remote ${name}: ${outcome.stderrTail.trim()}`);
    }
  }

  /**
   * Pushes the current branch to `url` and sets it as upstream of `remote`. With a token, git
   * authenticates through an http.extraHeader passed in the environment only.
   */
  async pushCurrentBranch(
    remote: string,
    token: string | undefined,
    signal?: AbortSignal,
  ): Promise<string> {
    const ref = await this.currentRef();
    const branch = ref.replace(/^refs\/heads\//, '');
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
    if (token !== undefined) {
      const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
      env.GIT_CONFIG_COUNT = '1';
      env.GIT_CONFIG_KEY_0 = 'http.extraHeader';
      env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${basic}`;
    }
    const outcome = await this.run(['push', '--set-upstream', remote, `${ref}:${ref}`], {
      env,
      ...(signal === undefined ? {} : { signal }),
    });
    if (outcome.exitCode !== 0) {
      throw new UserError(`git push of ${branch} failed: ${outcome.stderrTail.trim().slice(-500)}`);
    }
    return branch;
  }
}
