import { GithubAccountService, type GithubAccountServices } from './githubAccount';
import { GithubSection } from './githubSection';

/**
 * The GitHub account and its section of the Providers view. The build emits this as
 * dist/github-view-runtime.js, which registerGithub loads the first time the view draws the
 * GitHub row or something needs the account (a command, a sign-in, a token changed elsewhere),
 * so activation carries neither (scripts/lib/lazyRuntimes.mjs).
 */
export function createGithubView(services: GithubAccountServices): {
  readonly account: GithubAccountService;
  readonly section: GithubSection;
} {
  const account = new GithubAccountService(services);
  return { account, section: new GithubSection(account, services.log) };
}
