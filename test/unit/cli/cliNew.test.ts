import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runOpenpypi } from './runOpenpypi';

describe('openpypi new', function () {
  this.timeout(120_000);
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'openpypi-cli-new-'));
  });
  afterEach(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('creates a web API project with the chosen backend, versions and options (--yes)', async () => {
    const run = await runOpenpypi(
      [
        'new',
        'shop-api',
        '--template',
        'web-api',
        '--backend',
        'setuptools',
        '--python',
        '3.10-3.13',
        '--ci',
        '--security',
        '--dependabot',
        '--pre-commit',
        '--author',
        'Grace Hopper',
        '--email',
        'grace@example.com',
        '--license',
        'Apache-2.0',
        '--yes',
        '--dir',
        'projects',
      ],
      cwd,
    );
    assert.equal(run.code, 0, run.stderr);
    const folder = path.join(cwd, 'projects/shop-api');
    assert.equal(run.stdout.trim(), folder);
    const pyproject = readFileSync(path.join(folder, 'pyproject.toml'), 'utf8');
    assert.match(pyproject, /build-backend = "setuptools\.build_meta"/);
    assert.match(pyproject, /"fastapi>=0\.92"/);
    assert.match(pyproject, /Python :: 3\.13"/);
    assert.match(
      pyproject,
      /authors = \[\{ name = "Grace Hopper", email = "grace@example\.com" \}\]/,
    );
    assert.match(readFileSync(path.join(folder, 'LICENSE'), 'utf8'), /Apache License/);
    const ci = readFileSync(path.join(folder, '.github/workflows/ci.yml'), 'utf8');
    assert.match(ci, /python-version: \["3\.10", "3\.11", "3\.12", "3\.13"\]/);
    for (const file of [
      '.github/workflows/security.yml',
      '.github/dependabot.yml',
      '.pre-commit-config.yaml',
      'src/shop_api/app.py',
      'tests/test_app.py',
    ]) {
      assert.ok(existsSync(path.join(folder, file)), file);
    }
    assert.ok(!existsSync(path.join(folder, 'mkdocs.yml')), 'docs were not asked for');
  });

  it('a bad name or a non-empty target: exit 2, a clear message, nothing written', async () => {
    const bad = await runOpenpypi(['new', 'not a name', '--yes'], cwd);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not a valid Python distribution name/);
    assert.deepEqual(readdirSync(cwd), []);

    mkdirSync(path.join(cwd, 'taken'));
    writeFileSync(path.join(cwd, 'taken/notes.txt'), 'keep');
    const taken = await runOpenpypi(['new', 'taken', '--yes'], cwd);
    assert.equal(taken.code, 2);
    assert.match(taken.stderr, /already exists and is not empty/);
    assert.deepEqual(readdirSync(cwd), ['taken']);
    assert.deepEqual(readdirSync(path.join(cwd, 'taken')), ['notes.txt']);
  });

  it('without --yes and without a terminal, it says to add --yes and writes nothing', async () => {
    const run = await runOpenpypi(['new', 'demo'], cwd);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /add --yes/);
    assert.deepEqual(readdirSync(cwd), []);
  });

  it('--backend and --python are checked', async () => {
    const backend = await runOpenpypi(['new', 'demo', '--backend', 'flit', '--yes'], cwd);
    assert.equal(backend.code, 2);
    assert.match(backend.stderr, /--backend must be/);
    const python = await runOpenpypi(['new', 'demo', '--python', '2.7-3.12', '--yes'], cwd);
    assert.equal(python.code, 2);
    assert.match(python.stderr, /Python "2\.7" is not one of/);
    assert.deepEqual(readdirSync(cwd), []);
  });
});
