import path from 'node:path';
import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import {
  createRepositoryFlow,
  type CreatedRepository,
} from '../../core/github/createRepositoryFlow';
import { fullName } from '../../core/github/githubModel';
import { commandOptions, stringOption, type GithubServices } from './githubServices';
import { githubScopes } from './githubScopes';
import { withCancellableProgress } from '../progress/withCancellableProgress';
import { workspaceFolder, workspaceGit } from './workspaceRepository';

const namePattern = /^[A-Za-z0-9._-]{1,100}$/;

async function ask(value: string | undefined, box: vscode.InputBoxOptions): Promise<string> {
  if (value !== undefined) return value;
  const answer = await vscode.window.showInputBox({ ignoreFocusOut: true, ...box });
  if (answer === undefined) throw new CancelledError();
  return answer;
}

/**
 * Create Repository: asks for the name (the folder's by default), description, topics and
 * visibility (private by default), then creates, pushes and secures it. Options { name,
 * description, topics, private } replace the dialogs for automation.
 */
export async function createRepository(
  services: GithubServices,
  rawOptions: unknown,
): Promise<CreatedRepository> {
  const options = commandOptions(rawOptions);
  const folder = workspaceFolder();
  const git = workspaceGit(services.log);
  if (!(await git.isRepository())) {
    throw new UserError(
      vscode.l10n.t(
        'This folder is not a git repository yet: initialise it and commit your work first (Source Control view).',
      ),
    );
  }
  const name = (
    await ask(stringOption(options, 'name'), {
      title: vscode.l10n.t('New GitHub repository: name'),
      value: path.basename(folder.uri.fsPath),
      validateInput: (v) =>
        namePattern.test(v.trim())
          ? undefined
          : vscode.l10n.t('Letters, digits, ".", "-" and "_" only.'),
    })
  ).trim();
  if (!namePattern.test(name))
    throw new UserError(vscode.l10n.t('"{0}" is not a valid repository name.', name));
  const description = await ask(stringOption(options, 'description'), {
    title: vscode.l10n.t('Description (optional)'),
  });
  const topicsText = Array.isArray(options.topics)
    ? options.topics.filter((t): t is string => typeof t === 'string').join(',')
    : await ask(undefined, {
        title: vscode.l10n.t('Topics, separated by commas (optional)'),
        value: 'python',
      });
  const topics = topicsText
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => /^[a-z0-9][a-z0-9-]{0,49}$/.test(t));
  let isPrivate = typeof options.private === 'boolean' ? options.private : undefined;
  if (isPrivate === undefined) {
    const privateItem = { label: vscode.l10n.t('Private'), value: true };
    const publicItem = { label: vscode.l10n.t('Public'), value: false };
    const choice = await vscode.window.showQuickPick([privateItem, publicItem], {
      title: vscode.l10n.t('Visibility'),
    });
    if (choice === undefined) throw new CancelledError();
    isPrivate = choice.value;
  }
  const { client, token } = await services.account.client(githubScopes.createRepository);
  const created = await withCancellableProgress(
    vscode.l10n.t('Creating the GitHub repository {0}…', name),
    (signal) =>
      createRepositoryFlow(client, git, {
        name,
        description,
        topics,
        private: isPrivate,
        token,
        signal,
      }),
  );
  services.log.info(
    `Created ${fullName(created.repository)}, pushed ${created.branch} to ${created.remote}; on: ${created.enabled.join(', ')}`,
  );
  for (const note of created.notes) services.log.warn(note);
  services.refreshView();
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Created {0} and pushed {1}. On: {2}.{3}',
      fullName(created.repository),
      created.branch,
      created.enabled.join(', ') || vscode.l10n.t('none'),
      created.notes.length > 0 ? ` ${created.notes.join(' ')}` : '',
    ),
  );
  return created;
}
