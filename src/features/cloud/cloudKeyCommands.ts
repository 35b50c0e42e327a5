import * as vscode from 'vscode';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import type { CloudKeys } from './cloudKeys';

const keyName = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

function nameProblem(name: string): string | undefined {
  return keyName.test(name)
    ? undefined
    : vscode.l10n.t('Use 1 to 64 letters, digits, spaces, dots, dashes or underscores.');
}

/**
 * Store Cloud Key: a name and a value typed in a password box, kept in SecretStorage only.
 * OpenPypi itself needs no cloud key (the CLIs keep their sign-in); this is for people who
 * want one kept safely. Automation passes { name, value }.
 */
export async function storeCloudKey(
  keys: CloudKeys,
  audit: AuditRecorder,
  arg: unknown,
): Promise<string> {
  const given = (typeof arg === 'object' && arg !== null ? arg : {}) as {
    name?: unknown;
    value?: unknown;
  };
  const name =
    typeof given.name === 'string'
      ? given.name
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Store a cloud key in SecretStorage (1/2)'),
          prompt: vscode.l10n.t('A name for the key, for example "aws-deploy"'),
          validateInput: nameProblem,
          ignoreFocusOut: true,
        });
  if (name === undefined) throw new CancelledError();
  const problem = nameProblem(name);
  if (problem !== undefined)
    throw new UserError(vscode.l10n.t('"{0}" cannot name a key: {1}', name, problem));
  const value =
    typeof given.value === 'string'
      ? given.value
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Store a cloud key in SecretStorage (2/2)'),
          prompt: vscode.l10n.t(
            'The value of {0}; it is kept in the system keychain only, never in settings or logs.',
            name,
          ),
          password: true,
          ignoreFocusOut: true,
          validateInput: (text) =>
            text.trim() === '' ? vscode.l10n.t('The value is empty.') : undefined,
        });
  if (value === undefined) throw new CancelledError();
  if (value.trim() === '')
    throw new UserError(vscode.l10n.t('The value of {0} is empty: nothing was stored.', name));
  await keys.store(name, value);
  await audit.record({ type: 'cloud.key.stored', name });
  return name;
}

/** Remove Cloud Key: a key node, or its name. */
export async function removeCloudKey(
  keys: CloudKeys,
  audit: AuditRecorder,
  arg: unknown,
): Promise<string | undefined> {
  const fromNode = (arg as { kind?: unknown; name?: unknown } | null)?.name;
  let name = typeof arg === 'string' ? arg : typeof fromNode === 'string' ? fromNode : undefined;
  if (name === undefined) {
    name = await vscode.window.showQuickPick(keys.names(), {
      title: vscode.l10n.t('Remove which stored key?'),
    });
    if (name === undefined) throw new CancelledError();
  }
  if (!keys.names().includes(name))
    throw new UserError(vscode.l10n.t('No stored key is named "{0}".', name));
  await keys.remove(name);
  await audit.record({ type: 'cloud.key.removed', name });
  return name;
}
