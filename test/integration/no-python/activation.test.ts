// In a workspace without Python project files OpenPypi stays asleep: activation is narrow.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openPypi } from '../support/manifest';

/** How long the workbench runs before the check: activation on workspaceContains comes early. */
const settleMs = 5_000;

describe('OpenPypi in a workspace without Python', () => {
  it('is loaded but not activated after the workbench has been up for a while', async () => {
    const [folder, ...others] = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folder && others.length === 0, 'the harness opens one folder');
    const names = (await vscode.workspace.fs.readDirectory(folder.uri)).map(([n]) => n);
    assert.ok(names.length > 0 && !names.some((n) => n.endsWith('.py')), names.join(', '));
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    assert.equal(openPypi().isActive, false);
  });
});
