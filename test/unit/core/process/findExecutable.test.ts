import * as assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findExecutable } from '../../../../src/core/process/findExecutable';
import { ExecutableNotFoundError } from '../../../../src/core/process/processErrors';

describe('findExecutable', () => {
  let dir: string;
  let venvTool: string;
  let pathTool: string;
  before(async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    dir = await mkdtemp(path.join(tmpdir(), 'openpypi-find-'));
    await mkdir(path.join(dir, 'venv', 'bin'), { recursive: true });
    await mkdir(path.join(dir, 'on-path'));
    venvTool = path.join(dir, 'venv', 'bin', 'sometool');
    pathTool = path.join(dir, 'on-path', 'sometool');
    for (const file of [venvTool, pathTool]) {
      await writeFile(file, '#!/bin/sh\n');
      await chmod(file, 0o755);
    }
    await writeFile(path.join(dir, 'on-path', 'notexec'), 'x');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prefers the explicit path', async () => {
    const found = await findExecutable({
      name: 'sometool',
      explicitPath: pathTool,
      pythonEnvironment: path.join(dir, 'venv'),
      env: { PATH: path.join(dir, 'on-path') },
    });
    assert.equal(found, pathTool);
  });

  it('uses the Python environment before PATH', async () => {
    const found = await findExecutable({
      name: 'sometool',
      pythonEnvironment: path.join(dir, 'venv'),
      env: { PATH: path.join(dir, 'on-path') },
    });
    assert.equal(found, venvTool);
  });

  it('falls back to PATH, skipping relative entries and non-executable files', async () => {
    assert.equal(
      await findExecutable({
        name: 'sometool',
        env: { PATH: `.:relative:${path.join(dir, 'on-path')}` },
      }),
      pathTool,
    );
    assert.equal(
      await findExecutable({ name: 'notexec', env: { PATH: path.join(dir, 'on-path') } }),
      undefined,
    );
  });

  it('returns undefined for a tool that is not installed', async () => {
    assert.equal(await findExecutable({ name: 'nope-tool', env: { PATH: dir } }), undefined);
  });

  it('rejects an explicit path that does not exist, naming it', async () => {
    await assert.rejects(
      findExecutable({ name: 'sometool', explicitPath: path.join(dir, 'missing') }),
      (error: unknown) =>
        error instanceof ExecutableNotFoundError &&
        error.message.includes(path.join(dir, 'missing')),
    );
  });
});
