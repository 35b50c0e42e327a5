import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { fullName } from '../../core/github/githubModel';
import { commandOptions, stringOption, type GithubServices } from './githubServices';
import { githubScopes } from './githubScopes';
import { loadGithubRuntime } from './githubRuntimeLoader';
import { repositoryFromArgument } from './workspaceRepository';

function secretNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return vscode.l10n.t('Letters, digits and "_" only, not starting with a digit.');
  }
  if (/^GITHUB_/i.test(name)) return vscode.l10n.t('Names starting with GITHUB_ are reserved.');
  return undefined;
}

/**
 * Set Repository Secret: the value comes from a password box (or automation's { value }),
 * is encrypted with the repository's public key (libsodium sealed box) and sent; it is never
 * logged, stored or shown. Resolves with 'created' or 'updated'.
 */
export async function setSecret(
  services: GithubServices,
  arg: unknown,
  rawOptions: unknown,
): Promise<'created' | 'updated'> {
  const options = commandOptions(rawOptions);
  const repository = await repositoryFromArgument(options.repository ?? arg, services.log);
  const name =
    stringOption(options, 'name') ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Secret of {0}: name', fullName(repository)),
      placeHolder: 'PYPI_API_TOKEN',
      validateInput: secretNameProblem,
      ignoreFocusOut: true,
    }));
  if (name === undefined) throw new CancelledError();
  const problem = secretNameProblem(name);
  if (problem !== undefined) throw new UserError(`${name}: ${problem}`);
  const value =
    stringOption(options, 'value') ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Value of {0}', name),
      prompt: vscode.l10n.t(
        'Encrypted for the repository before it leaves VS Code; never stored or logged.',
      ),
      password: true,
      ignoreFocusOut: true,
    }));
  if (value === undefined) throw new CancelledError();
  if (value === '') throw new UserError(vscode.l10n.t('A secret needs a value.'));
  services.redactor.addSecret(value);
  const { client } = await services.account.client(githubScopes.setSecret);
  const key = await client.secretPublicKey(repository);
  const runtime = await loadGithubRuntime();
  const sealed = await runtime.sealSecret(key.key, value);
  const outcome = await client.putSecret(repository, name, sealed, key.keyId);
  services.log.info(`Secret ${name} ${outcome} in ${fullName(repository)}`);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Secret {0} {1} in {2}.', name, outcome, fullName(repository)),
  );
  return outcome;
}
