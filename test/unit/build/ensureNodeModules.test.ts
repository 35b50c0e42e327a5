// `npm test` installs the project's dependencies when they are missing, but never through a
// symlinked node_modules (a worktree sharing another tree's): `npm ci` there would empty the
// shared folder. Everything here runs in temporary folders, and no case reaches `npm`.
import * as assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureNodeModules } from '../../../scripts/lib/nodeModules.mjs';

describe('npm dependencies: a symlinked node_modules', () => {
  let temp: string;
  let main: string;
  let worktree: string;
  const lock = '{"lockfileVersion": 3}';

  beforeEach(() => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'openpypi-node-modules-'));
    main = path.join(temp, 'main');
    worktree = path.join(temp, 'worktree');
    mkdirSync(path.join(main, 'node_modules', 'some-package'), { recursive: true });
    mkdirSync(worktree);
    writeFileSync(path.join(main, 'package-lock.json'), lock);
    writeFileSync(path.join(main, 'node_modules', 'some-package', 'index.js'), '');
    writeFileSync(path.join(main, 'node_modules', '.package-lock.json'), lock);
    // The shared install is older than the worktree's checkout of the same lock.
    const installed = new Date(Date.now() - 60_000);
    utimesSync(path.join(main, 'node_modules', '.package-lock.json'), installed, installed);
    utimesSync(path.join(main, 'package-lock.json'), installed, installed);
    writeFileSync(path.join(worktree, 'package-lock.json'), lock);
    symlinkSync(path.join(main, 'node_modules'), path.join(worktree, 'node_modules'));
  });
  afterEach(() => {
    rmSync(temp, { recursive: true, force: true });
  });

  it('uses the shared folder when it was installed from the same lock', async () => {
    assert.equal(await ensureNodeModules(worktree), false);
  });

  it('refuses to install through the link, names it and the fixes, and leaves the folder', async () => {
    writeFileSync(path.join(worktree, 'package-lock.json'), '{"lockfileVersion": 3, "x": 1}');
    const link = path.join(worktree, 'node_modules');
    await assert.rejects(ensureNodeModules(worktree), (error: Error) => {
      assert.ok(
        error.message.includes(`${link} is a symlink to ${path.join(main, 'node_modules')}`),
      );
      assert.ok(error.message.includes(`npm ci\` in ${main}`));
      assert.ok(error.message.includes(`rm ${link}`));
      return true;
    });
    assert.ok(existsSync(path.join(main, 'node_modules', 'some-package', 'index.js')));
  });
});
