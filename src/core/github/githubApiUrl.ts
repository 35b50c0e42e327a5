import { UserError } from '../errors/userError';

export const defaultGithubApiUrl = 'https://api.github.com';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The REST API base URL from the machine-scoped setting `openpypi.github.apiUrl`: https, or
 * http on the loopback interface only (a token never crosses the network in clear text).
 */
export function githubApiUrl(setting: string | undefined): string {
  const text = (setting ?? '').trim() || defaultGithubApiUrl;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(
      `The setting openpypi.github.apiUrl (${text}) is not a URL. Use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback.has(url.hostname))) {
    throw new UserError(
      `The setting openpypi.github.apiUrl (${text}) must use https (http only for 127.0.0.1), so the token is never sent in clear text.`,
    );
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new UserError(
      `The setting openpypi.github.apiUrl (${text}) must be a plain base URL, without credentials, query or fragment.`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** Whether the API is github.com's (VS Code's built-in GitHub sign-in works for it). */
export function isDotCom(apiUrl: string): boolean {
  return new URL(apiUrl).hostname === 'api.github.com';
}

/** The host that git remotes of this GitHub use: github.com, or the GHES host itself. */
export function webHost(apiUrl: string): string {
  const url = new URL(apiUrl);
  return url.hostname === 'api.github.com' ? 'github.com' : url.host;
}
