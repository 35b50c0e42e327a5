// The Cloud provider in an untrusted workspace spawns nothing: the gcloud and az rows say why
// instead of asking those CLIs, Check Deployment still validates with its built-in parsers but
// runs neither kubectl, terraform nor Trivy, and Deploy refuses. The proof is the spawn probes
// (test/fixtures/spawn-probe: kubectl, terraform, gcloud, az, trivy) first on PATH.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { openPypi } from '../support/manifest';

interface CloudRow {
  label: string;
  description: string;
  children?: CloudRow[];
}

function probeLog(): string {
  const file = process.env.OPENPYPI_SPAWN_PROBE_LOG;
  assert.ok(file, 'the suite sets OPENPYPI_SPAWN_PROBE_LOG');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

describe('The Cloud provider in an untrusted workspace', function () {
  this.timeout(120_000);

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened this workspace untrusted');
    await openPypi().activate();
  });

  it('lists the gcloud and az rows without running either CLI', async () => {
    const root = await vscode.commands.executeCommand<CloudRow | undefined>(
      'openpypi.cloud.refresh',
    );
    assert.ok(root, 'Refresh resolves with the drawn rows');
    const google = root.children?.find((row) => row.label === 'Google Cloud');
    const azure = root.children?.find((row) => row.label === 'Azure');
    assert.ok(google && azure, JSON.stringify(root));
    assert.match(JSON.stringify([google, azure]), /trust/i);
    assert.doesNotMatch(probeLog(), /^(gcloud|az) /m);
  });

  it('Check Deployment validates with its parsers and runs no kubectl, terraform or Trivy; Deploy refuses', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the harness opens the demo workspace');
    const dir = path.join(folder.uri.fsPath, 'untrusted-deployment-check');
    mkdirSync(dir, { recursive: true });
    try {
      const manifest = path.join(dir, 'service.yaml');
      writeFileSync(
        manifest,
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: broken\nspec:\n  ports: none\n',
      );
      const terraform = path.join(dir, 'main.tf');
      writeFileSync(terraform, 'resource "null_resource" "a" {}\n');
      const manifestUri = vscode.Uri.file(manifest);
      await vscode.commands.executeCommand('openpypi.cloud.checkDeployment', [
        manifestUri,
        vscode.Uri.file(terraform),
      ]);
      const schema = vscode.languages
        .getDiagnostics(manifestUri)
        .filter((d) => d.source === 'Kubernetes schema');
      assert.deepEqual(
        schema.map((d) => d.range.start.line),
        [5],
      );
      await vscode.commands
        .executeCommand('openpypi.cloud.deploy', { context: 'dev', confirm: true })
        .then(
          () => undefined,
          () => undefined,
        );
      assert.doesNotMatch(probeLog(), /^(kubectl|terraform|trivy|gcloud|az) /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
