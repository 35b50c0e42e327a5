import type * as GithubRuntime from '../../core/github/githubRuntime';

export type GithubRuntimeModule = typeof GithubRuntime;

let runtime: Promise<GithubRuntimeModule> | undefined;

/**
 * Octokit with its plugins and libsodium, loaded on first use. The build emits the runtime as
 * dist/github-runtime.js (scripts/lib/lazyRuntimes.mjs), so activation and the Providers view before
 * GitHub is used never load it.
 */
export function loadGithubRuntime(): Promise<GithubRuntimeModule> {
  runtime ??= Promise.resolve().then(
    // A lazy require, not import(): the build turns it into a require of dist/github-runtime.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => require('../../core/github/githubRuntime') as GithubRuntimeModule,
  );
  return runtime;
}
