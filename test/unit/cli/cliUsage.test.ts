import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import packageJson from '../../../package.json';
import { runOpenpypi } from './runOpenpypi';

describe('openpypi CLI: usage', function () {
  this.timeout(60_000);
  const cwd = tmpdir();

  it('--help documents the commands, options and exit codes (exit 0)', async () => {
    const run = await runOpenpypi(['--help'], cwd);
    assert.equal(run.code, 0);
    for (const text of [
      'openpypi scan [DIR]',
      'openpypi import FILE...',
      '--tools',
      '--sarif',
      '--baseline',
      '--fail-on',
      '--timeout',
      '--bandit-path',
      'Exit codes',
    ]) {
      assert.ok(run.stdout.includes(text), text);
    }
  });

  it('--version prints the package version', async () => {
    const run = await runOpenpypi(['--version'], cwd);
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim(), packageJson.version);
  });

  for (const args of [
    [],
    ['frobnicate'],
    ['scan', '--fail-on', 'severe'],
    ['scan', '--tools', 'bandit,semgrep'],
    ['scan', '--no-such-option'],
    ['scan', '--timeout=-3'],
    ['import'],
    ['scan', '/no/such/folder'],
  ]) {
    it(`exits 2 with a clear message for: openpypi ${args.join(' ')}`, async () => {
      const run = await runOpenpypi(args, cwd);
      assert.equal(run.code, 2);
      assert.match(
        run.stderr,
        args.length === 0 ? /Usage:/ : /openpypi: [^\n]+\nRun "openpypi --help" for usage\./,
      );
    });
  }
});
