/**
 * The OAuth scopes each GitHub action needs, asked from VS Code's GitHub sign-in only when the
 * action runs, and checked against a classic token's scopes before the request.
 */
export const githubScopes = {
  /** The account, repositories (private ones too), workflows and releases. */
  read: ['repo'],
  /** Code scanning alerts and SARIF uploads. */
  codeScanning: ['repo', 'security_events'],
  createRepository: ['repo'],
  setSecret: ['repo'],
  createRelease: ['repo'],
} as const;

export type GithubAction = keyof typeof githubScopes;

/** Scopes of `needed` that a classic token with `granted` lacks (a parent scope counts). */
export function missingScopes(
  needed: readonly string[],
  granted: readonly string[] | undefined,
): string[] {
  if (granted === undefined) return []; // fine-grained tokens and apps: GitHub decides
  return needed.filter(
    (scope) =>
      !granted.includes(scope) && !(scope === 'security_events' && granted.includes('repo')),
  );
}
