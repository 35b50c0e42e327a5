// The harness install refuses a symlinked test/harness/node_modules (a worktree sharing another
// tree's harness): `npm ci` through the link would wipe the shared copy. Everything here runs in
// temporary folders; the real shared harness is never touched. `npm` is a stand-in script that
// only records that it was called (the point is that it never is).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { symlinkedNodeModulesProblem } from '../../harness/symlinkedNodeModules.mjs';

const harnessSources = path.resolve(__dirname, '../../harness');

describe('harness install: symlinked node_modules', () => {
  let temp: string;
  beforeEach(() => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'openpypi-harness-guard-'));
  });
  afterEach(() => {
    rmSync(temp, { recursive: true, force: true });
  });

  it('names the link, its target and the fixes when node_modules is a symlink', () => {
    const shared = path.join(temp, 'main', 'test', 'harness', 'node_modules');
    mkdirSync(shared, { recursive: true });
    const harness = path.join(temp, 'wt', 'test', 'harness');
    mkdirSync(harness, { recursive: true });
    symlinkSync(shared, path.join(harness, 'node_modules'));
    const problem = symlinkedNodeModulesProblem(harness);
    assert.ok(problem);
    assert.ok(problem.includes(`${path.join(harness, 'node_modules')} is a symlink to ${shared}`));
    assert.match(problem, /wipe that shared copy, so nothing was installed/);
    assert.ok(problem.includes(path.join(temp, 'main', 'test', 'harness', 'ensure.mjs')));
    assert.ok(problem.includes(`rm ${path.join(harness, 'node_modules')}`));
  });

  it('lets a real node_modules folder, or none, be installed', () => {
    assert.equal(symlinkedNodeModulesProblem(temp), undefined);
    mkdirSync(path.join(temp, 'node_modules'));
    assert.equal(symlinkedNodeModulesProblem(temp), undefined);
  });

  it('`node ensure.mjs --force` exits non-zero without running npm when node_modules is a symlink, leaving the shared copy intact', () => {
    // A copy of the harness scripts whose node_modules links to a "shared" folder.
    const harness = path.join(temp, 'harness');
    mkdirSync(harness);
    for (const file of [
      'ensure.mjs',
      'harnessPaths.mjs',
      'symlinkedNodeModules.mjs',
      'package.json',
      'package-lock.json',
    ]) {
      copyFileSync(path.join(harnessSources, file), path.join(harness, file));
    }
    const shared = path.join(temp, 'shared-node_modules');
    mkdirSync(path.join(shared, 'code-server'), { recursive: true });
    writeFileSync(path.join(shared, 'code-server', 'package.json'), '{}');
    symlinkSync(shared, path.join(harness, 'node_modules'));
    // npm stand-in: records any call and fails, so a real install can never start.
    const bin = path.join(temp, 'bin');
    mkdirSync(bin);
    const calls = path.join(temp, 'npm-calls');
    writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "npm $*" >> '${calls}'\nexit 1\n`);
    chmodSync(path.join(bin, 'npm'), 0o755);

    const run = spawnSync(process.execPath, [path.join(harness, 'ensure.mjs'), '--force'], {
      cwd: harness,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
    });
    assert.notEqual(run.status, 0, 'the install refuses with a non-zero exit code');
    assert.match(run.stderr, /node_modules is a symlink to .*shared-node_modules/);
    assert.match(run.stderr, /nothing was installed/);
    assert.equal(existsSync(calls), false, 'npm was never run');
    assert.ok(
      existsSync(path.join(shared, 'code-server', 'package.json')),
      'the shared copy is intact',
    );
    assert.equal(existsSync(path.join(harness, '.cache')), false, 'no install lock was taken');
  });
});
