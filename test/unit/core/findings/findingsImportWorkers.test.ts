import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as esbuild from 'esbuild';
import { CancelledError } from '../../../../src/core/errors/cancelledError';
import { isUserError } from '../../../../src/core/errors/userError';
import { FindingsImportWorkers } from '../../../../src/core/findings/findingsImportWorkers';
import { importFindings } from '../../../../src/core/findings/importFindings';
import { fixturePath } from '../sarif/sarifFixtures';
import { asSent, byKeyAsData } from './sentFindings';

const root = path.resolve(__dirname, '../../../..');
const fixture = fixturePath('codeql-action/valid/fingerprinting.input.sarif');
const request = { file: fixture, root: path.dirname(fixture) };

/** Until the workers' threads have stopped (terminate resolves on the thread's exit event). */
async function untilNoneAlive(workers: FindingsImportWorkers): Promise<void> {
  for (let i = 0; i < 100 && workers.workersAlive > 0; i++) await sleep(20);
}

describe('FindingsImportWorkers (Import SARIF off the main thread)', function () {
  this.timeout(60_000);
  let temp: string;
  let script: string;
  let broken: string;
  let large: string;
  let workers: FindingsImportWorkers;

  before(async () => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'openpypi-import-worker-'));
    script = path.join(temp, 'findingsImportWorker.js');
    // The worker as the extension ships it (scripts/lib/extensionBuild.mjs builds the same entry).
    await esbuild.build({
      entryPoints: [path.join(root, 'src/core/findings/findingsImportWorker.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
    });
    broken = path.join(temp, 'broken.sarif');
    writeFileSync(broken, '{"version": "2.1.0", "runs": [', 'utf8');
    // Several chunks of 1,000 findings: an import of it is still running after its first chunk.
    large = path.join(temp, 'large.sarif');
    const results = Array.from({ length: 5000 }, (_, index) => ({
      ruleId: 'R1',
      message: { text: `Finding ${index}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `module${index % 50}.py` },
            region: { startLine: 1 + (index % 100) },
          },
        },
      ],
    }));
    writeFileSync(
      large,
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'generator', rules: [{ id: 'R1' }] } }, results }],
      }),
    );
  });

  beforeEach(() => {
    workers = new FindingsImportWorkers(script);
  });

  afterEach(async () => {
    workers.dispose();
    await untilNoneAlive(workers);
  });

  after(() => {
    rmSync(temp, { recursive: true, force: true });
  });

  it('resolves with the findings importFindings makes', async () => {
    const imported = await workers.import(request);
    const whole = importFindings(readFileSync(fixture, 'utf8'), path.dirname(fixture), fixture);
    assert.ok(whole.findings.length > 0);
    assert.deepEqual(byKeyAsData(imported.findings), byKeyAsData(whole.findings.map(asSent)));
  });

  it('a file that is not SARIF rejects with the importer error by name, so it shows as the user’s to fix', async () => {
    const error = await workers.import({ file: broken, root: temp }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'SarifImportError');
    assert.match(error.message, /is not valid JSON/);
    assert.ok(isUserError(error));
  });

  it('takes the next import in the same thread, also after a file that is not SARIF', async () => {
    await assert.rejects(workers.import({ file: broken, root: temp }), /is not valid JSON/);
    const first = await workers.import(request);
    const second = await workers.import(request);
    assert.equal(workers.workersStarted, 1);
    assert.equal(workers.workersAlive, 1);
    assert.deepEqual(byKeyAsData(second.findings), byKeyAsData(first.findings));
  });

  it('starts another thread for an import that comes while one runs, and keeps one thread after', async () => {
    const [first, second] = await Promise.all([
      workers.import({ file: large, root: temp }),
      workers.import(request),
    ]);
    assert.equal(first.findings.length, 5000);
    assert.ok(second.findings.length > 0);
    assert.equal(workers.workersStarted, 2);
    for (let i = 0; i < 100 && workers.workersAlive > 1; i++) await sleep(20);
    assert.equal(workers.workersAlive, 1);
    await workers.import(request);
    assert.equal(workers.workersStarted, 2);
  });

  it('stops a thread that waited for the idle time, and dispose stops the waiting one at once', async () => {
    workers.dispose();
    workers = new FindingsImportWorkers(script, 100);
    await workers.import(request);
    assert.equal(workers.workersAlive, 1);
    await untilNoneAlive(workers);
    assert.equal(workers.workersAlive, 0);
    await workers.import(request);
    assert.equal(workers.workersStarted, 2);
    assert.equal(workers.workersAlive, 1);

    const kept = new FindingsImportWorkers(script);
    await kept.import(request);
    assert.equal(kept.workersAlive, 1);
    kept.dispose();
    await untilNoneAlive(kept);
    assert.equal(kept.workersAlive, 0);
  });

  it('lets the event loop run between two chunks, however long a chunk takes to prepare', async () => {
    // A chunk prepared slowly: asked for at once, the next one would be waiting on the port by
    // the end, and Node would hand it over in the same turn, before anything else queued.
    let chunks = 0;
    let turnsBetween = 0;
    let turnRan = true;
    const imported = await workers.import({ file: large, root: temp }, undefined, () => {
      chunks += 1;
      if (turnRan) turnsBetween += 1;
      turnRan = false;
      const until = Date.now() + 20;
      while (Date.now() < until);
      setImmediate(() => {
        turnRan = true;
      });
    });
    assert.equal(imported.findings.length, 5000);
    assert.equal(chunks, 5);
    assert.equal(turnsBetween, 5, 'a chunk came before the turn queued with the one before it');
  });

  it('a cancelled import rejects with CancelledError and stops its thread; the next starts another', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const error = await workers
      .import({ file: large, root: temp }, controller.signal, () => {
        chunks += 1;
        controller.abort();
      })
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    assert.ok(error instanceof CancelledError);
    assert.equal(chunks, 1);
    await untilNoneAlive(workers);
    assert.equal(workers.workersAlive, 0);
    const imported = await workers.import(request);
    assert.ok(imported.findings.length > 0);
    assert.equal(workers.workersStarted, 2);
  });
});
