// The Providers view and the AI provider in a real VS Code, against a local OpenAI-compatible
// server that this test starts on 127.0.0.1 (test/servers/openai). The key is given to the
// sign-in command as an argument (its automation form) instead of typing it into the password
// box; everything after that is the real path: checked with the server, stored in SecretStorage,
// read back by a rebuilt provider, sent as a bearer token, deleted on sign-out.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ProviderStatus } from '../../../src/core/providers/providerStatus';
import { OpenAiTestServer } from '../../servers/openai/openAiTestServer';
import type { OpenPypiApi } from '../../../src/extension';
import { extensionLogLines } from '../support/extensionLog';
import { declaredCommands, openPypi } from '../support/manifest';
import { waitFor } from '../support/waitFor';

const acceptedKey = 'sk-proj-IntegrationKeyAAAA0123456789abcd';
const rejectedKey = 'sk-proj-IntegrationKeyBBBB0123456789wxyz';
const fixedRunPy = `"""Runs shell commands for the admin page. Insecure on purpose."""
import subprocess


def ping(host):
    # B602 fixed: an argument list, no shell.
    return subprocess.call(["ping", "-c", "1", host])


def disk_usage(path):
    return subprocess.check_output(["du", "-sh", path])
`;

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('openpypi.ai');
}

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens the demo workspace');
  return folder.uri;
}

function runPy(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), 'app', 'run.py');
}

async function signIn(apiKey: string, storeAnyway?: boolean): Promise<ProviderStatus | undefined> {
  return vscode.commands.executeCommand<ProviderStatus | undefined>(
    'openpypi.providers.signIn',
    'ai',
    storeAnyway === undefined ? { apiKey } : { apiKey, storeAnyway },
  );
}

async function validate(): Promise<ProviderStatus | undefined> {
  return vscode.commands.executeCommand<ProviderStatus | undefined>(
    'openpypi.providers.validate',
    'ai',
  );
}

/** The messages with buttons the extension showed, as its log records them (oldest first). */
function offered(): string[] {
  return extensionLogLines().filter((line) => line.includes('Offered: '));
}

/** Every file under `dir` (skipping nothing), for the token search. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(dir, file))
    .filter((file) => statSync(file).isFile());
}

describe('Providers and the AI provider (local OpenAI-compatible server)', function () {
  this.timeout(60_000);
  const server = new OpenAiTestServer({ validKeys: [acceptedKey] });
  let auditFile: string | undefined;

  before(async () => {
    await server.start();
    await settings().update('baseUrl', server.baseUrl, vscode.ConfigurationTarget.Global);
    await settings().update('model', 'gpt-4o-mini', vscode.ConfigurationTarget.Global);
    await settings().update('maxCostPerRequest', 1, vscode.ConfigurationTarget.Global);
    await openPypi().activate();
  });

  after(async () => {
    await server.stop();
  });

  it('is not configured before sign-in, and Validate says so with a Sign In button', async () => {
    const status = await validate();
    assert.equal(status?.kind, 'not-configured');
    await waitFor(
      () => offered().some((line) => /Offered: ai is not configured\. .* \[Sign In\]$/.test(line)),
      `Validate offered no Sign In; offered: ${offered().join(' | ')}`,
    );
  });

  it('an AI command on the unconfigured provider offers Sign In, and sends nothing when dismissed', async () => {
    const before = server.requests.length;
    const earlier = offered().length;
    const running = Promise.resolve(
      vscode.commands.executeCommand('openpypi.ai.reviewFile', runPy()),
    );
    const expected =
      'Offered: Reviewing app/run.py needs the AI provider, which is not configured yet. ' +
      'Sign in with an API key? [Sign In]';
    await waitFor(
      () =>
        offered()
          .slice(earlier)
          .some((line) => line.endsWith(expected)),
      `Review Current File offered no Sign In; offered: ${offered().join(' | ')}`,
    );
    // The person closes the message instead of signing in: the command ends, nothing is sent.
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.equal(await running, undefined);
    assert.equal(server.requests.length, before, 'no request reached the server');
  });

  it('does not store a key the server rejects', async () => {
    const status = await signIn(rejectedKey);
    assert.equal(status?.kind, 'error');
    assert.match(status.reason, /^Invalid key/);
    // The user's to fix: a warning that offers to sign in again, not an error popup.
    await waitFor(
      () =>
        offered().some((line) =>
          /Offered: The key was not stored: Invalid key.* \[Sign In\]$/.test(line),
        ),
      `the refused key was not offered as a warning with Sign In; offered: ${offered().join(' | ')}`,
    );
    assert.equal((await validate())?.kind, 'not-configured');
  });

  it('signs in through the command: the key is checked with the server, then stored', async () => {
    const before = server.requests.length;
    const status = await signIn(acceptedKey);
    assert.deepEqual(status, {
      kind: 'connected',
      who: 'gpt-4o-mini',
      detail: new URL(server.baseUrl).host,
    });
    const sent = server.requests.slice(before);
    assert.ok(sent.length >= 1 && sent.every((r) => r.authorization === `Bearer ${acceptedKey}`));
  });

  it('keeps the status sign-in checked when SecretStorage reports the key this window stored', async () => {
    // SecretStorage tells every window about a stored key, this one too and after the store
    // resolved; rebuilding the provider on that echo would show "key stored, not checked yet".
    await waitFor(
      () =>
        extensionLogLines().some((line) =>
          line.includes('SecretStorage confirmed the AI key change made in this window.'),
        ),
      'the change event of the stored key never reached the extension',
    );
    const api = (await openPypi().activate()) as OpenPypiApi;
    assert.deepEqual(api.providerStatus('ai'), {
      kind: 'connected',
      who: 'gpt-4o-mini',
      detail: new URL(server.baseUrl).host,
    });
  });

  it('is still signed in when the provider is rebuilt from new settings (key read back from SecretStorage)', async () => {
    await settings().update('model', 'gpt-4o', vscode.ConfigurationTarget.Global);
    try {
      const status = await validate();
      assert.equal(status?.kind, 'connected');
      assert.equal(status.who, 'gpt-4o');
    } finally {
      await settings().update('model', 'gpt-4o-mini', vscode.ConfigurationTarget.Global);
    }
  });

  it('explains a finding: the answer streams into a Markdown editor; the prompt holds no token', async () => {
    server.respond = () =>
      'B602 runs `ping` through a shell with user input: a host like `x; rm -rf ~` runs a second command. Pass an argument list and drop shell=True.';
    const result = await vscode.commands.executeCommand<{ text: string; document: string }>(
      'openpypi.ai.explainFinding',
      {
        message: `subprocess call with shell=True identified, security issue. token=${acceptedKey}`,
        ruleId: 'B602',
        file: 'app/run.py',
        line: 7,
      },
    );
    assert.ok(result, 'explainFinding returned nothing');
    assert.match(result.text, /^B602 runs `ping` through a shell/);
    const document = vscode.workspace.textDocuments.find(
      (d) => d.uri.toString() === result.document,
    );
    assert.ok(document, 'the explanation editor is open');
    assert.equal(document.languageId, 'markdown');
    assert.ok(document.getText().includes(result.text), document.getText());
    const prompt = JSON.stringify(server.chatRequests().at(-1));
    assert.ok(prompt.includes('B602') && prompt.includes('shell=True'));
    assert.ok(prompt.includes('app/run.py:7'));
    assert.ok(!prompt.includes(acceptedKey), 'the stored key reached the prompt');
  });

  it('fixes with AI only after acceptance: discarding leaves the file as it was', async () => {
    server.respond = () =>
      `Here is the fix:\n\`\`\`python\n${fixedRunPy}\`\`\`\nThe shell is gone.`;
    const document = await vscode.workspace.openTextDocument(runPy());
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const finding = {
      message: 'subprocess call with shell=True identified',
      ruleId: 'B602',
      file: 'app/run.py',
      line: 7,
    };
    const discarded = await vscode.commands.executeCommand<{ applied: boolean; reason: string }>(
      'openpypi.ai.fixWithAi',
      finding,
      undefined,
      { decision: 'discard' },
    );
    assert.deepEqual(discarded, { applied: false, reason: 'discarded' });
    assert.equal(document.getText(), original);
    const applied = await vscode.commands.executeCommand<{ applied: boolean; reason: string }>(
      'openpypi.ai.fixWithAi',
      finding,
      undefined,
      { decision: 'apply' },
    );
    assert.deepEqual(applied, { applied: true, reason: 'applied' });
    assert.equal(document.getText(), fixedRunPy);
    // Put the file back for the tests that follow (the diff editor has the focus now).
    const restore = new vscode.WorkspaceEdit();
    restore.replace(runPy(), new vscode.Range(0, 0, document.lineCount, 0), original);
    assert.ok(await vscode.workspace.applyEdit(restore));
    assert.equal(document.getText(), original);
  });

  it('reviews the current file into diagnostics with source "OpenPypi AI"', async () => {
    server.respond = () =>
      '```json\n[{"line": 7, "severity": "error", "message": "Shell injection through host.", "ruleId": "CWE-78"}]\n```';
    const result = await vscode.commands.executeCommand<{ findings: number }>(
      'openpypi.ai.reviewFile',
      runPy(),
    );
    assert.deepEqual(result, { findings: 1 });
    const ai = vscode.languages.getDiagnostics(runPy()).filter((d) => d.source === 'OpenPypi AI');
    assert.equal(ai.length, 1);
    assert.equal(ai[0]?.range.start.line, 6);
    assert.equal(ai[0].code, 'CWE-78');
  });

  it('generates pytest tests into a new untitled Python editor', async () => {
    server.respond = () =>
      '```python\nfrom app.run import disk_usage\n\n\ndef test_disk_usage_returns_bytes(tmp_path):\n    assert isinstance(disk_usage(str(tmp_path)), bytes)\n```';
    const result = await vscode.commands.executeCommand<{ text: string; document: string }>(
      'openpypi.ai.generateTests',
      runPy(),
    );
    assert.ok(result);
    assert.match(result.text, /def test_disk_usage_returns_bytes/);
    assert.ok(!result.text.includes('```'));
    const document = vscode.workspace.textDocuments.find(
      (d) => d.uri.toString() === result.document,
    );
    assert.equal(document?.isUntitled, true);
    assert.equal(document.languageId, 'python');
  });

  it('sends nothing when a request above the max cost is declined', async () => {
    await settings().update('maxCostPerRequest', 0, vscode.ConfigurationTarget.Global);
    try {
      const before = server.chatRequests().length;
      const result = await vscode.commands.executeCommand('openpypi.ai.reviewFile', runPy(), {
        confirmCost: false,
      });
      assert.equal(result, undefined);
      assert.equal(server.chatRequests().length, before);
    } finally {
      await settings().update('maxCostPerRequest', 1, vscode.ConfigurationTarget.Global);
    }
  });

  it('records the events in the audit log: token stored, AI requests, fix applied; never the key', async () => {
    auditFile = await vscode.commands.executeCommand<string>('openpypi.audit.showLog');
    assert.ok(auditFile && existsSync(auditFile));
    const records = readFileSync(auditFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; outcome?: string });
    const types = records.map((r) => r.type);
    assert.ok(types.includes('token.stored'));
    assert.ok(types.includes('ai.fix.rejected') && types.includes('ai.fix.applied'));
    assert.ok(records.some((r) => r.type === 'ai.request' && r.outcome === 'completed'));
    assert.ok(records.some((r) => r.type === 'ai.request' && r.outcome === 'declined'));
  });

  it('runs every other command while signed in, a scan and a SARIF export among them', async () => {
    const exported = vscode.Uri.joinPath(workspaceFolder(), '.openpypi', 'leak-check.sarif');
    await vscode.commands.executeCommand('openpypi.security.scanWorkspace');
    await vscode.commands.executeCommand('openpypi.security.exportSarif', exported);
    assert.ok(existsSync(exported.fsPath), 'the export wrote its SARIF log');
    // Sign-in and sign-out have tests of their own; Fix with AI's accept/reject dialog is modal.
    const skipped = new Set([
      'openpypi.providers.signIn',
      'openpypi.providers.signOut',
      'openpypi.ai.fixWithAi',
    ]);
    for (const command of declaredCommands().filter((c) => !skipped.has(c))) {
      // Whatever asks (a quick pick, an input box, a file dialog) is dismissed, as in the empty suite.
      const running = Promise.resolve(vscode.commands.executeCommand(command)).then(
        () => 'done',
        () => 'done',
      );
      const tick = () => new Promise((resolve) => setTimeout(resolve, 300, 'waiting'));
      while ((await Promise.race([running, tick()])) !== 'done') {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        // Add Dependabot Config and Add Security Workflow wait for their edit in the refactor preview.
        await Promise.resolve(vscode.commands.executeCommand('refactorPreview.discard')).catch(
          () => undefined,
        );
      }
    }
    assert.equal((await validate())?.kind, 'connected', 'still signed in afterwards');
  });

  it('signs out: the key is deleted and the provider is not configured again', async () => {
    const removed = await vscode.commands.executeCommand<boolean>(
      'openpypi.providers.signOut',
      'ai',
    );
    assert.equal(removed, true);
    assert.equal((await validate())?.kind, 'not-configured');
  });

  it('leaks no token: logs, settings, global storage and workspace hold neither key', () => {
    const userData = process.env.OPENPYPI_TEST_USER_DATA;
    assert.ok(userData, 'OPENPYPI_TEST_USER_DATA is set by the harness');
    assert.ok(auditFile);
    const searched = [
      ...filesUnder(path.join(userData, 'logs')),
      ...filesUnder(path.join(userData, 'User', 'settings.json')),
      ...filesUnder(path.dirname(auditFile)),
      ...filesUnder(workspaceFolder().fsPath),
    ];
    assert.ok(
      searched.some((file) => file.endsWith('OpenPypi.log')),
      'the log was searched',
    );
    assert.ok(
      searched.some((file) => file.endsWith('audit.jsonl')),
      'the audit log was searched',
    );
    assert.ok(
      searched.filter((file) => file.endsWith('.sarif')).length >= 2,
      'the SARIF report of the scan and the export were searched',
    );
    const hits = searched.filter((file) => {
      const text = readFileSync(file, 'latin1');
      return text.includes(acceptedKey) || text.includes(rejectedKey);
    });
    assert.deepEqual(hits, []);
  });
});
