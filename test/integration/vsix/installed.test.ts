// OpenPypi installed from openpypi.vsix with `code-server --install-extension` (not loaded from
// the repository): it is found in the extensions folder, activates in the demo Python workspace
// and registers what its own manifest declares.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import {
  declaredCommands,
  manifest,
  openPypi,
  registeredOpenPypiCommands,
} from '../support/manifest';
import { waitFor } from '../support/waitFor';

describe('OpenPypi installed from its .vsix', () => {
  it('is loaded from the extensions folder it was installed into', () => {
    const extensionsDir = process.env.OPENPYPI_TEST_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'OPENPYPI_TEST_EXTENSIONS_DIR is not set; run through the harness');
    const relative = path.relative(extensionsDir, openPypi().extensionPath);
    assert.ok(
      !relative.startsWith('..') && !path.isAbsolute(relative),
      `${openPypi().extensionPath} is not inside ${extensionsDir}`,
    );
  });

  it('activates by itself in the demo workspace and returns its API', async () => {
    await waitFor(() => openPypi().isActive, 'the installed OpenPypi did not activate');
    const api = (await openPypi().activate()) as OpenPypiApi;
    assert.equal(api.version, manifest().version);
  });

  it('registers every command its manifest declares', async () => {
    assert.deepEqual(await registeredOpenPypiCommands(), declaredCommands());
  });

  it('checks Terraform and Kubernetes files with the parsers it ships (hcl2json WebAssembly, kubernetes-models)', async function () {
    // The first check loads dist/cloud-runtime.js (megabytes) and the WebAssembly.
    this.timeout(120_000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the harness opens the demo workspace');
    const dir = path.join(folder.uri.fsPath, 'vsix-deployment-check');
    mkdirSync(dir, { recursive: true });
    try {
      const terraform = path.join(dir, 'broken.tf');
      writeFileSync(
        terraform,
        'resource "null_resource" "a" {\n  triggers = {\n    x = \n  }\n}\n',
      );
      const manifest = path.join(dir, 'broken.yaml');
      writeFileSync(
        manifest,
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: broken\nspec:\n  ports: none\n',
      );
      const terraformUri = vscode.Uri.file(terraform);
      const manifestUri = vscode.Uri.file(manifest);
      await vscode.commands.executeCommand('openpypi.cloud.checkDeployment', [
        terraformUri,
        manifestUri,
      ]);
      const onLine = (uri: vscode.Uri, source: string) =>
        vscode.languages
          .getDiagnostics(uri)
          .filter((d) => d.source === source)
          .map((d) => d.range.start.line);
      assert.deepEqual(onLine(terraformUri, 'Terraform'), [2]);
      assert.deepEqual(onLine(manifestUri, 'Kubernetes schema'), [5]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
