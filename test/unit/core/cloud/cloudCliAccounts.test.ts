import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../../src/core/logging/logger';
import {
  cliAccountQueries,
  parseCliAccount,
  readCliAccount,
} from '../../../../src/core/cloud/inventory/cloudCliAccounts';

describe('gcloud and az accounts', () => {
  it('asks each CLI with an argument array', () => {
    assert.deepEqual(cliAccountQueries.gcloud, [
      'auth',
      'list',
      '--filter=status:ACTIVE',
      '--format=value(account)',
    ]);
    assert.deepEqual(cliAccountQueries.az, ['account', 'show', '--output', 'json']);
  });

  it('reads the active account from their output', () => {
    assert.deepEqual(parseCliAccount('gcloud', 'dev@example.com\n'), {
      cli: 'gcloud',
      state: 'active',
      account: 'dev@example.com',
    });
    assert.deepEqual(parseCliAccount('gcloud', '\n'), { cli: 'gcloud', state: 'signed-out' });
    assert.deepEqual(
      parseCliAccount(
        'az',
        JSON.stringify({ name: 'Pay-As-You-Go', user: { name: 'dev@example.com', type: 'user' } }),
      ),
      { cli: 'az', state: 'active', account: 'dev@example.com', detail: 'Pay-As-You-Go' },
    );
    assert.equal(parseCliAccount('az', 'not json').state, 'failed');
  });

  it('says "not installed" without spawning when the CLI is not on PATH', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'openpypi-path-'));
    try {
      const account = await readCliAccount('gcloud', {
        cwd: empty,
        env: { PATH: empty },
        logger: silentLogger,
      });
      assert.deepEqual(account, { cli: 'gcloud', state: 'not-installed' });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
