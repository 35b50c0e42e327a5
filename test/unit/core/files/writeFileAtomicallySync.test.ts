import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomicallySync } from '../../../../src/core/files/writeFileAtomicallySync';

describe('writeFileAtomicallySync (write aside, then rename)', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'openpypi-atomic-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates the file, replaces it, and leaves nothing else in the folder', () => {
    const file = path.join(folder, 'cache.json');
    writeFileAtomicallySync(file, '{"a":1}');
    assert.equal(readFileSync(file, 'utf8'), '{"a":1}');
    writeFileAtomicallySync(file, new Uint8Array([0x7b, 0x7d]));
    assert.equal(readFileSync(file, 'utf8'), '{}');
    assert.deepEqual(readdirSync(folder), ['cache.json']);
  });

  it('throws when the rename fails, keeps what was there and removes its temporary file', () => {
    // A folder where the file should be: the write aside succeeds, the rename cannot replace it.
    const file = path.join(folder, 'state.db');
    mkdirSync(file);
    writeFileSync(path.join(file, 'keep'), 'kept');
    assert.throws(() => {
      writeFileAtomicallySync(file, 'new');
    }, /EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    assert.deepEqual(readdirSync(folder), ['state.db']);
    assert.equal(readFileSync(path.join(file, 'keep'), 'utf8'), 'kept');
  });

  it('throws when the folder does not exist, and creates nothing', () => {
    const file = path.join(folder, 'missing', 'cache.json');
    assert.throws(() => {
      writeFileAtomicallySync(file, 'x');
    }, /ENOENT/);
    assert.deepEqual(readdirSync(folder), []);
  });
});
