import type { RepositoryName } from './githubModel';

/**
 * The GitHub repository a git remote URL points at, when it is on `host` (github.com or a
 * GHES host): https://host/owner/name(.git), git@host:owner/name(.git), ssh://git@host/owner/name.
 */
export function repositoryFromRemote(remoteUrl: string, host: string): RepositoryName | undefined {
  const text = remoteUrl.trim();
  let hostPart: string;
  let pathPart: string;
  const scp = /^[A-Za-z0-9._-]+@([^:/]+):(.+)$/.exec(text);
  if (scp?.[1] !== undefined && scp[2] !== undefined) {
    hostPart = scp[1];
    pathPart = scp[2];
  } else {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
    hostPart = url.protocol === 'ssh:' ? url.hostname : url.host;
    pathPart = url.pathname;
  }
  if (hostPart.toLowerCase() !== host.toLowerCase()) return undefined;
  const segments = pathPart.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  if (segments.length !== 2) return undefined;
  const [owner, rawName] = segments;
  const name = rawName?.replace(/\.git$/, '');
  if (!owner || !name) return undefined;
  return { owner, name };
}

/** The workspace's repository first, then the others in the order given, without duplicates. */
export function workspaceRepositoryFirst<T extends RepositoryName>(
  repositories: readonly T[],
  workspace: RepositoryName | undefined,
): { repository: T; isWorkspace: boolean }[] {
  const same = (r: RepositoryName): boolean =>
    r.owner.toLowerCase() === workspace?.owner.toLowerCase() &&
    r.name.toLowerCase() === workspace.name.toLowerCase();
  const mine = repositories.filter(same);
  const others = repositories.filter((r) => !same(r));
  return [
    ...mine.slice(0, 1).map((repository) => ({ repository, isWorkspace: true })),
    ...others.map((repository) => ({ repository, isWorkspace: false })),
  ];
}
