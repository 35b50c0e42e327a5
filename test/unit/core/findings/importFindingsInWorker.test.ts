import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { importFindings } from '../../../../src/core/findings/importFindings';
import { importFindingsInWorker } from '../../../../src/core/findings/importFindingsInWorker';
import { isUserError } from '../../../../src/core/errors/userError';
import { fixturePath } from '../sarif/sarifFixtures';
import { asSent, byKeyAsData } from './sentFindings';

const root = path.resolve(__dirname, '../../../..');
const fixture = fixturePath('codeql-action/valid/fingerprinting.input.sarif');

describe('importFindingsInWorker (Import SARIF off the main thread)', function () {
  this.timeout(60_000);
  let temp: string;
  let worker: string;

  before(async () => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'openpypi-import-worker-'));
    worker = path.join(temp, 'findingsImportWorker.js');
    // The worker as the extension ships it (scripts/lib/extensionBuild.mjs builds the same entry).
    await esbuild.build({
      entryPoints: [path.join(root, 'src/core/findings/findingsImportWorker.ts')],
      outfile: worker,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
    });
  });

  after(() => {
    rmSync(temp, { recursive: true, force: true });
  });

  it('resolves with the findings importFindings makes', async () => {
    const imported = await importFindingsInWorker(worker, {
      file: fixture,
      root: path.dirname(fixture),
    });
    const whole = importFindings(readFileSync(fixture, 'utf8'), path.dirname(fixture), fixture);
    assert.ok(whole.findings.length > 0);
    assert.deepEqual(byKeyAsData(imported.findings), byKeyAsData(whole.findings.map(asSent)));
  });

  it('a file that is not SARIF rejects with the importer error by name, so it shows as the user’s to fix', async () => {
    const broken = path.join(temp, 'broken.sarif');
    writeFileSync(broken, '{"version": "2.1.0", "runs": [', 'utf8');
    const error = await importFindingsInWorker(worker, { file: broken, root: temp }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'SarifImportError');
    assert.match(error.message, /is not valid JSON/);
    assert.ok(isUserError(error));
  });
});
