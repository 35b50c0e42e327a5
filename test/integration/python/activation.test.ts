// In the demo Python workspace: OpenPypi activates on its own (workspaceContains), returns its API,
// and registers its views and commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import {
  declaredCommands,
  declaredViews,
  manifest,
  openPypi,
  registeredOpenPypiCommands,
} from '../support/manifest';
import { waitFor } from '../support/waitFor';

describe('OpenPypi in a Python workspace', () => {
  it('activates by itself because the workspace holds Python project files', async () => {
    await waitFor(
      () => openPypi().isActive,
      'openpypi.openpypi did not activate in the demo workspace (workspaceContains)',
    );
    // isActive is true after a failed activate() too; exports are set only when it succeeded.
    assert.ok(openPypi().exports, 'activate() failed: see the extension host log');
  });

  it('returns its API with the version of its package.json', async () => {
    const api = (await openPypi().activate()) as OpenPypiApi;
    assert.equal(api.version, manifest().version);
    assert.match(api.version, /^\d+\.\d+\.\d+/);
    assert.equal(openPypi().exports, api);
  });

  it('contributes the Providers and Security Findings views', () => {
    assert.deepEqual(declaredViews(), ['openpypi.findings', 'openpypi.providers']);
  });

  for (const view of ['openpypi.providers', 'openpypi.findings']) {
    it(`registers the view ${view} (its focus command opens it)`, async () => {
      await vscode.commands.executeCommand(`${view}.focus`);
    });
  }

  it('registers every command its package.json declares, and declares every one it registers', async () => {
    assert.deepEqual(await registeredOpenPypiCommands(), declaredCommands());
    assert.ok(declaredCommands().length > 0, 'package.json declares no command');
  });
});
