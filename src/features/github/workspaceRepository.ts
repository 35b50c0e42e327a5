import * as vscode from 'vscode';
import { webHost } from '../../core/github/githubApiUrl';
import type { RepositoryName } from '../../core/github/githubModel';
import { parseFullName } from '../../core/github/githubModel';
import { repositoryFromRemote } from '../../core/github/githubRemote';
import { GitRepository } from '../../core/github/gitRepository';
import { UserError } from '../../core/errors/userError';
import type { Logger } from '../../core/logging/logger';
import { readGithubApiUrl } from './githubSettings';

/** The first workspace folder, or a message saying to open one. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    throw new UserError(vscode.l10n.t('Open the folder of your project first.'));
  }
  return folder;
}

/** git in the first workspace folder; refused in an untrusted workspace (nothing is spawned). */
export function workspaceGit(log: Logger): GitRepository {
  if (!vscode.workspace.isTrusted) {
    throw new UserError(
      vscode.l10n.t('OpenPypi runs git only in a trusted workspace. Trust this folder first.'),
    );
  }
  return new GitRepository(workspaceFolder().uri.fsPath, log);
}

/** The workspace's GitHub repository, from its `origin` remote; undefined when there is none. */
export async function workspaceRepository(log: Logger): Promise<RepositoryName | undefined> {
  if (!vscode.workspace.isTrusted || vscode.workspace.workspaceFolders === undefined) {
    return undefined;
  }
  try {
    const url = await workspaceGit(log).remoteUrl('origin');
    return url === undefined ? undefined : repositoryFromRemote(url, webHost(readGithubApiUrl()));
  } catch (error) {
    log.debug(`No workspace repository: ${String(error)}`);
    return undefined;
  }
}

/**
 * The repository a command is about: a tree node, "owner/name", { repository }, else the
 * workspace's own (its git remote), else asked for.
 */
export async function repositoryFromArgument(arg: unknown, log: Logger): Promise<RepositoryName> {
  const given = repositoryOf(arg);
  if (given !== undefined) return given;
  const workspace = await workspaceRepository(log);
  if (workspace !== undefined) return workspace;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('GitHub repository'),
    prompt: vscode.l10n.t(
      'This workspace has no GitHub remote named origin. Which repository (owner/name)?',
    ),
    validateInput: (value) =>
      parseFullName(value) === undefined ? vscode.l10n.t('Write it as owner/name.') : undefined,
  });
  const parsed = typed === undefined ? undefined : parseFullName(typed);
  if (parsed === undefined) throw new UserError(vscode.l10n.t('No repository was given.'));
  return parsed;
}

export function repositoryOf(arg: unknown): RepositoryName | undefined {
  if (typeof arg === 'string') return parseFullName(arg);
  if (typeof arg !== 'object' || arg === null) return undefined;
  const record = arg as { repository?: unknown; owner?: unknown; name?: unknown };
  if (typeof record.owner === 'string' && typeof record.name === 'string') {
    return { owner: record.owner, name: record.name };
  }
  if (record.repository !== undefined) return repositoryOf(record.repository);
  return undefined;
}
