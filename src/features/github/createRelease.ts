import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { fullName, type ReleaseSummary } from '../../core/github/githubModel';
import { commandOptions, stringOption, type GithubServices } from './githubServices';
import { githubScopes } from './githubScopes';
import { repositoryFromArgument, workspaceGit } from './workspaceRepository';

/** Create Release: from a git tag (newest first in a quick pick), with generated notes. */
export async function createRelease(
  services: GithubServices,
  arg: unknown,
  rawOptions: unknown,
): Promise<ReleaseSummary> {
  const options = commandOptions(rawOptions);
  const repository = await repositoryFromArgument(options.repository ?? arg, services.log);
  let tag = stringOption(options, 'tag');
  if (tag === undefined) {
    const tags = await workspaceGit(services.log).tags();
    if (tags.length === 0) {
      throw new UserError(
        vscode.l10n.t(
          'This repository has no git tags: create one (git tag v1.0.0) and push it first.',
        ),
      );
    }
    tag = await vscode.window.showQuickPick(tags, {
      title: vscode.l10n.t('Release of {0}: which tag?', fullName(repository)),
    });
    if (tag === undefined) throw new CancelledError();
  }
  const { client } = await services.account.client(githubScopes.createRelease);
  const release = await client.createRelease(repository, tag, stringOption(options, 'name'));
  services.refreshView();
  services.log.info(
    `Release ${release.tagName} created in ${fullName(repository)}: ${release.htmlUrl}`,
  );
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Release {0} of {1} created with generated notes.',
      release.tagName,
      fullName(repository),
    ),
  );
  return release;
}
