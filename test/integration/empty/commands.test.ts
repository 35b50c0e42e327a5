// In an empty workspace folder: OpenPypi, activated by hand, registers exactly the commands it
// declares, and each of them runs without failing (the command wrapper reports failures to the
// log instead of throwing, so the log is checked too).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionLogLines } from '../support/extensionLog';
import { declaredCommands, openPypi, registeredOpenPypiCommands } from '../support/manifest';
import { waitFor } from '../support/waitFor';

describe('OpenPypi commands in an empty workspace', () => {
  before(async () => {
    const [folder, ...others] = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folder && others.length === 0, 'the harness opens one (empty) folder');
    const entries = await vscode.workspace.fs.readDirectory(folder.uri);
    assert.deepEqual(entries, [], 'the workspace folder is not empty');
    await openPypi().activate();
  });

  it('registers every declared command and declares every registered one', async () => {
    assert.deepEqual(await registeredOpenPypiCommands(), declaredCommands());
  });

  for (const command of declaredCommands()) {
    it(`runs ${command} without an error`, async () => {
      // Commands that ask (a quick pick, an input box, a file dialog, the refactor preview) are
      // answered the way a person dismisses them, until the command settles.
      const running = Promise.resolve(vscode.commands.executeCommand(command)).then(() => 'done');
      const tick = () => new Promise((resolve) => setTimeout(resolve, 300, 'waiting'));
      while ((await Promise.race([running, tick()])) !== 'done') {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        // Edits that need confirmation (Add Security Workflow) wait in the refactor preview:
        // a person would discard them there.
        await Promise.resolve(vscode.commands.executeCommand('refactorPreview.discard')).catch(
          () => undefined,
        );
      }
    });
  }

  it('logged no error while running them', async () => {
    // The log writes to disk asynchronously; wait until it holds the activation line.
    await waitFor(
      () => extensionLogLines().some((line) => line.includes('activated')),
      'OpenPypi.log never showed the activation line',
    );
    const errors = extensionLogLines().filter((line) => line.includes('[error]'));
    assert.deepEqual(errors, []);
  });
});
