// The Cloud provider in a real VS Code: the suite's KUBECONFIG names three files (two good ones
// with overlapping contexts and a malformed one), PATH holds the kubectl stand-in
// (test/fixtures/cloud-bin: no kubectl or cluster here) and the Trivy stand-in, which prints
// Trivy 0.74's recorded config output for the chart in templates/deployment.yaml. Everything
// else is the real path: kubeconfig files read, kubernetes-models and hcl2json loaded from the
// bundled runtime, diagnostics published, the scan engine placing Trivy's results.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { auditRecords } from '../support/auditRecords';
import { openPypi } from '../support/manifest';

interface CloudRow {
  label: string;
  description: string;
  children?: CloudRow[];
}

function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the harness opens the cloud workspace');
  return first.uri;
}

function file(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(folder(), ...segments);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code ?? '');
}

describe('Cloud provider', function () {
  this.timeout(120_000);

  before(async () => {
    await openPypi().activate();
  });

  it('lists the kube contexts of every KUBECONFIG file, and the malformed file with its reason', async () => {
    const root = await vscode.commands.executeCommand<CloudRow | undefined>(
      'openpypi.cloud.refresh',
    );
    assert.ok(root, 'Refresh resolves with the drawn rows');
    assert.equal(root.label, 'Cloud');
    assert.match(root.description, /^3 kube contexts · 1 kubeconfig error/);
    const kubernetes = root.children?.find((row) => row.label === 'Kubernetes');
    assert.ok(kubernetes?.children);
    assert.match(kubernetes.description, /current dev/);
    const rows = kubernetes.children.map((row) => `${row.label} | ${row.description}`);
    assert.ok(rows.includes('dev | current · dev-cluster · ns demo'), rows.join('\n'));
    assert.ok(rows.includes('staging | staging-cluster'), rows.join('\n'));
    assert.ok(rows.includes('prod | prod-cluster · ns shop'), rows.join('\n'));
    const problem = kubernetes.children.find((row) => row.label === 'kubeconfig-malformed.yaml');
    assert.ok(problem, rows.join('\n'));
    assert.ok(problem.description.length > 0);
    assert.doesNotMatch(JSON.stringify(root), /kubeconfig-token-never-shown/);
  });

  it('Check Deployment puts schema errors of a hand-broken manifest on their lines', async () => {
    const broken = file('k8s', 'broken-deployment.yaml');
    const result = await vscode.commands.executeCommand<{ problems: number } | undefined>(
      'openpypi.cloud.checkDeployment',
      broken,
    );
    assert.equal(result?.problems, 2);
    const schema = vscode.languages
      .getDiagnostics(broken)
      .filter((d) => d.source === 'Kubernetes schema');
    assert.deepEqual(
      schema.map((d) => d.range.start.line),
      [6, 16],
    );
    assert.match(schema[0]?.message ?? '', /spec.replicas must be integer/);
  });

  it('Check Deployment puts a Terraform syntax error on its line', async () => {
    const broken = file('infra', 'broken.tf');
    await vscode.commands.executeCommand('openpypi.cloud.checkDeployment', broken);
    const terraform = vscode.languages
      .getDiagnostics(broken)
      .filter((d) => d.source === 'Terraform');
    assert.equal(terraform[0]?.range.start.line, 6);
    assert.match(terraform.map((d) => d.message).join('\n'), /Invalid expression/);
  });

  it('Check Deployment shows Trivy’s misconfigurations through the scan engine, and runs the kubectl dry run', async () => {
    const chart = file('templates', 'deployment.yaml');
    const result = await vscode.commands.executeCommand<
      { problems: number; trivy: string; cli: string[] } | undefined
    >('openpypi.cloud.checkDeployment', chart);
    assert.equal(result?.problems, 0);
    assert.deepEqual(result.cli, ['kubectl: 0 problems']);
    const trivy = vscode.languages
      .getDiagnostics(chart)
      .filter((d) => codeOf(d).startsWith('KSV-'));
    const byCode = new Map(trivy.map((d) => [codeOf(d), d.range.start.line]));
    assert.equal(byCode.get('KSV-0001'), 27, [...byCode].join(', '));
    assert.equal(byCode.get('KSV-0110'), 3);
    const log = readFileSync(process.env.OPENPYPI_STANDIN_LOG ?? '', 'utf8');
    assert.match(
      log,
      /kubectl apply --dry-run=client --output name --filename templates\/deployment.yaml/,
    );
  });

  it('Generate Deployment writes manifests that pass Check Deployment, and Deploy applies them to the named context', async () => {
    const uris = await vscode.commands.executeCommand<vscode.Uri[] | undefined>(
      'openpypi.cloud.generateDeployment',
      {
        target: 'kubernetes',
        image: 'registry.example.com/cloud-demo:1.2.0',
        preview: false,
        overwrite: true,
      },
    );
    assert.equal(uris?.length, 7);
    for (const uri of uris) assert.ok(existsSync(uri.fsPath), uri.fsPath);
    const check = await vscode.commands.executeCommand<{ problems: number } | undefined>(
      'openpypi.cloud.checkDeployment',
      uris,
    );
    assert.equal(check?.problems, 0);

    const deployed = await vscode.commands.executeCommand<
      { context: string; namespace: string; exitCode: number } | undefined
    >('openpypi.cloud.deploy', { context: 'prod', confirm: true });
    assert.deepEqual(deployed && [deployed.context, deployed.namespace, deployed.exitCode], [
      'prod',
      'cloud-demo',
      0,
    ]);
    const log = readFileSync(process.env.OPENPYPI_STANDIN_LOG ?? '', 'utf8');
    assert.match(
      log,
      /kubectl apply --context prod --namespace cloud-demo --filename deploy\/kubernetes\/namespace.yaml --filename deploy\/kubernetes\/deployment.yaml/,
    );
    // The audit log has the deploy with its context, namespace, files and kubectl's output.
    const deploys = (await auditRecords()).filter((record) => record.type === 'cloud.deploy');
    const last = deploys[deploys.length - 1];
    assert.ok(last, 'no cloud.deploy record in the audit log');
    assert.deepEqual(
      [last.context, last.namespace, last.outcome, last.exitCode],
      ['prod', 'cloud-demo', 'applied', 0],
    );
    assert.ok((last.files as string[]).includes('deploy/kubernetes/deployment.yaml'));
    assert.match(String(last.output), /deployment configured/);
  });

  it('keeps a stored cloud key in SecretStorage only: the view shows its name, never its value', async () => {
    const value = 'cloud-key-value-never-shown-4242';
    await vscode.commands.executeCommand('openpypi.cloud.storeKey', { name: 'ci-deploy', value });
    const root = await vscode.commands.executeCommand<CloudRow | undefined>(
      'openpypi.cloud.refresh',
    );
    const keys = root?.children?.find((row) => row.label === 'Stored keys');
    assert.deepEqual(
      keys?.children?.map((row) => row.label),
      ['ci-deploy'],
    );
    assert.doesNotMatch(JSON.stringify(root), new RegExp(value));
    await vscode.commands.executeCommand('openpypi.cloud.removeKey', 'ci-deploy');
    const after = await vscode.commands.executeCommand<CloudRow | undefined>(
      'openpypi.cloud.refresh',
    );
    assert.equal(after?.children?.find((row) => row.label === 'Stored keys')?.description, 'none');
  });
});
