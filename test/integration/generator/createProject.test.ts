// Create Python Project in a real VS Code: the command gets its answers as an argument (its
// automation form) and writes the project folder; one run picks the template and the backend
// in the real quick pick (accepting the highlighted item, as Enter does); a bad name and a
// taken folder leave the disk as it was.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { openPypi } from '../support/manifest';

interface Created {
  folder: string;
  files: string[];
}

const answers = {
  name: 'harness-shop',
  description: 'Made by the integration test',
  author: 'Ada Lovelace',
  email: 'ada@example.com',
  license: 'BSD-3-Clause',
  python: '3.11-3.13',
  options: ['ci', 'security', 'dependabot', 'precommit', 'docs', 'database'],
  open: 'none',
};

describe('Create Python Project', function () {
  this.timeout(120_000);
  let parent: string;
  before(async () => {
    await openPypi().activate();
  });
  beforeEach(() => {
    parent = mkdtempSync(path.join(tmpdir(), 'openpypi-create-project-'));
  });
  afterEach(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  it('writes the project from the answers and resolves with its folder and files', async () => {
    const created = await vscode.commands.executeCommand<Created | undefined>(
      'openpypi.generator.createProject',
      { ...answers, template: 'web-api', backend: 'poetry', parent },
    );
    assert.ok(created, 'the command resolved with the project');
    assert.equal(created.folder, path.join(parent, 'harness-shop'));
    assert.deepEqual(readdirSync(parent), ['harness-shop']);
    const read = (file: string) => readFileSync(path.join(created.folder, file), 'utf8');
    assert.match(read('pyproject.toml'), /build-backend = "poetry\.core\.masonry\.api"/);
    assert.match(read('pyproject.toml'), /"sqlalchemy>=1\.4"/);
    assert.match(read('LICENSE'), /Redistribution and use in source and binary forms/);
    assert.match(read('.github/workflows/ci.yml'), /python-version: \["3\.11", "3\.12", "3\.13"\]/);
    for (const file of [
      'src/harness_shop/app.py',
      'src/harness_shop/database.py',
      'tests/test_app.py',
      'migrations/env.py',
      'mkdocs.yml',
      '.github/workflows/security.yml',
      '.github/dependabot.yml',
      '.pre-commit-config.yaml',
      'README.md',
      '.gitignore',
    ]) {
      assert.ok(created.files.includes(file), `${file} in the result`);
      assert.ok(read(file).length > 0, `${file} on disk`);
    }
  });

  it('the template and backend steps are real quick picks (Enter takes the highlighted item)', async () => {
    const running = Promise.resolve(
      vscode.commands.executeCommand('openpypi.generator.createProject', { ...answers, parent }),
    ).then((result) => ({ result: result as Created | undefined }));
    const tick = () => new Promise((resolve) => setTimeout(resolve, 500, 'waiting'));
    let outcome: { result: Created | undefined } | undefined;
    for (let round = 0; round < 60 && outcome === undefined; round += 1) {
      const next = await Promise.race([running, tick()]);
      if (next === 'waiting') {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      } else {
        outcome = next as { result: Created | undefined };
      }
    }
    assert.ok(outcome?.result, 'the flow finished with a project');
    const pyproject = readFileSync(path.join(outcome.result.folder, 'pyproject.toml'), 'utf8');
    assert.match(pyproject, /build-backend = "hatchling\.build"/, 'hatchling is highlighted first');
    assert.ok(outcome.result.files.includes('src/harness_shop/core.py'), 'Library is first');
  });

  it('Back returns to the previous step, whose new answer replaces the first one', async () => {
    const running = Promise.resolve(
      vscode.commands.executeCommand('openpypi.generator.createProject', { ...answers, parent }),
    ).then((result) => ({ result: result as Created | undefined }));
    // One action per shown step, with time for the next step to appear (no API tells when).
    const pause = () => new Promise((resolve) => setTimeout(resolve, 2000));
    for (const action of [
      'workbench.action.acceptSelectedQuickOpenItem', // template: Library
      'workbench.action.quickInputBack', // backend step: Back to the template step
      'quickInput.next', // template: from Library (kept highlighted) to the next one
      'workbench.action.acceptSelectedQuickOpenItem', // template: Command-line tool
      'workbench.action.acceptSelectedQuickOpenItem', // backend: hatchling
    ]) {
      await pause();
      await vscode.commands.executeCommand(action);
    }
    const { result } = await running;
    assert.ok(result, 'the flow finished with a project');
    assert.ok(result.files.includes('src/harness_shop/cli.py'), 'the second template choice');
    assert.ok(!result.files.includes('src/harness_shop/core.py'), 'not the first one');
  });

  it('a bad name or a taken folder: nothing is written, nothing is changed', async () => {
    const bad = await vscode.commands.executeCommand('openpypi.generator.createProject', {
      ...answers,
      template: 'library',
      backend: 'hatchling',
      name: 'not a name',
      parent,
    });
    assert.equal(bad, undefined);
    assert.deepEqual(readdirSync(parent), []);

    mkdirSync(path.join(parent, 'harness-shop'));
    writeFileSync(path.join(parent, 'harness-shop/mine.txt'), 'keep');
    const taken = await vscode.commands.executeCommand('openpypi.generator.createProject', {
      ...answers,
      template: 'library',
      backend: 'hatchling',
      parent,
    });
    assert.equal(taken, undefined);
    assert.deepEqual(readdirSync(parent), ['harness-shop']);
    assert.deepEqual(readdirSync(path.join(parent, 'harness-shop')), ['mine.txt']);
  });

  // Last: the workspace (a .code-workspace, see suites.mjs) gains a folder; the first one stays,
  // so the extension host keeps running.
  it('"Add to this workspace" adds the new project folder to the open workspace', async () => {
    const before = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(before >= 1, 'the suite opens a folder');
    const added = new Promise<vscode.WorkspaceFoldersChangeEvent>((resolve) => {
      const listener = vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        listener.dispose();
        resolve(event);
      });
    });
    const created = await vscode.commands.executeCommand<Created | undefined>(
      'openpypi.generator.createProject',
      { ...answers, template: 'cli', backend: 'setuptools', parent, open: 'addToWorkspace' },
    );
    assert.ok(created, 'the command resolved with the project');
    const event = await added;
    assert.deepEqual(
      event.added.map((folder) => folder.uri.fsPath),
      [created.folder],
    );
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
    assert.equal(folders.length, before + 1);
    assert.equal(folders[before], created.folder);
  });
});
