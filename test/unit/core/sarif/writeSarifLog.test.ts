import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { logOf } from '../../../../src/core/sarif/mergeRuns';
import {
  DEFAULT_REPORT_PATH,
  reportPath,
  writeSarifLog,
} from '../../../../src/core/sarif/writeSarifLog';
import { runOf } from './runFactory';

describe('writeSarifLog', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'openpypi-write-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes to .openpypi/reports/openpypi.sarif by default, creating folders, leaving no temp file', async () => {
    const target = reportPath(folder);
    assert.equal(target, path.join(folder, DEFAULT_REPORT_PATH));
    const log = logOf([runOf('bandit', [])]);
    await writeSarifLog(target, log);
    await writeSarifLog(target, logOf([]));
    assert.deepEqual(JSON.parse(await readFile(target, 'utf8')), logOf([]));
    assert.deepEqual(await readdir(path.dirname(target)), ['openpypi.sarif']);
  });

  it('fails clearly and leaves no temp file when the folder cannot be written', async () => {
    const blocked = path.join(folder, 'file');
    await writeSarifLog(blocked, logOf([]));
    await assert.rejects(writeSarifLog(path.join(blocked, 'x.sarif'), logOf([])), /ENOTDIR|EEXIST/);
    assert.deepEqual(await readdir(folder), ['file']);
  });
});
