// Add Dependabot Config and Add Security Workflow in a workspace that already has the file:
// the user's content is never silently replaced. The Dependabot config is merged (the user's
// entries and comments kept, the missing ecosystems added); the workflow, which cannot be
// merged, waits in the refactor preview even when automation asks to apply, and discarding
// the preview leaves the file as it was. Neither command talks to GitHub.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';

function folder(): string {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first);
  return first.uri.fsPath;
}

const userDependabot = `# Our own Dependabot settings: keep this comment.
version: 2
updates:
  # The docs site's npm packages, checked daily.
  - package-ecosystem: npm
    directory: /docs
    schedule:
      interval: daily
  - package-ecosystem: docker
    directory: /
    schedule:
      interval: monthly # base images are rebuilt monthly
`;

const userWorkflow = `# Our own security workflow: keep it.
name: ours
on: push
jobs:
  audit:
    runs-on: ubuntu-latest
    steps:
      - run: echo our own checks
`;

interface Generated {
  file: string;
  applied: boolean;
}

describe('GitHub generated files next to existing ones', function () {
  this.timeout(120_000);

  const github = () => path.join(folder(), '.github');
  after(() => {
    rmSync(github(), { recursive: true, force: true });
  });

  it('Add Dependabot Config merges into an existing dependabot.yml, keeping the user entries and comments', async () => {
    mkdirSync(github(), { recursive: true });
    const file = path.join(github(), 'dependabot.yml');
    writeFileSync(file, userDependabot);
    const result = await vscode.commands.executeCommand<Generated & { ecosystems: string[] }>(
      'openpypi.github.addDependabot',
      { apply: true },
    );
    assert.equal(result.applied, true);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^# Our own Dependabot settings: keep this comment\.$/m);
    assert.match(text, /# The docs site's npm packages, checked daily\./);
    assert.match(text, /# base images are rebuilt monthly/);
    const config = parse(text) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string } }[];
    };
    assert.equal(config.version, 2);
    // The demo workspace has pip and Docker files: pip is added, the user's docker entry is
    // kept as it was (monthly, not a second weekly docker entry), npm stays untouched.
    assert.deepEqual(
      config.updates.map((u) => `${u['package-ecosystem']} ${u.directory} ${u.schedule.interval}`),
      ['npm /docs daily', 'docker / monthly', 'pip / weekly'],
    );
  });

  it('Add Dependabot Config changes nothing when every ecosystem is already configured', async () => {
    const file = path.join(github(), 'dependabot.yml');
    const before = readFileSync(file, 'utf8');
    const result = await vscode.commands.executeCommand<Generated>(
      'openpypi.github.addDependabot',
      { apply: true },
    );
    assert.equal(result.applied, false);
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('Add Security Workflow never writes over an existing workflow without the preview: discarding it keeps the file', async () => {
    const workflows = path.join(github(), 'workflows');
    mkdirSync(workflows, { recursive: true });
    const file = path.join(workflows, 'openpypi-security.yml');
    writeFileSync(file, userWorkflow);
    // Automation asks to apply; the replacement still waits in the refactor preview, where a
    // person discards it.
    const result = await answerPreview('refactorPreview.discard');
    assert.equal(result.applied, false);
    assert.equal(readFileSync(file, 'utf8'), userWorkflow);
  });
});

/**
 * Runs Add Security Workflow with { apply: true } and answers the refactor preview it waits in
 * with `answer`, as a person would; fails if it never waited there. (Applying needs a person to
 * tick the edit first: a change that needs confirmation starts unticked in the preview.)
 */
async function answerPreview(answer: string): Promise<Generated> {
  const running = Promise.resolve(
    vscode.commands.executeCommand<Generated>('openpypi.github.addSecurityWorkflow', {
      apply: true,
    }),
  );
  const tick = () => new Promise((resolve) => setTimeout(resolve, 300, 'waiting'));
  let answers = 0;
  while ((await Promise.race([running.then(() => 'done'), tick()])) !== 'done') {
    await Promise.resolve(vscode.commands.executeCommand(answer)).catch(() => undefined);
    answers += 1;
    assert.ok(answers < 200, 'the command settles once the preview is answered');
  }
  assert.ok(answers > 0, 'the command waited in the refactor preview');
  return running;
}
