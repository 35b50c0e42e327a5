// The Trivy image scan end to end through a real process: test/fixtures/bin/trivy is a stand-in
// (Trivy cannot be installed here) that replays the recorded real `trivy image` report of
// alpine:3.10 from Trivy's own test data (test/fixtures/trivy/PROVENANCE.md).
import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finalFromLine, scanImage, trivyImageArgs } from '../../../../src/core/docker/imageScan';
import {
  formatCounts,
  hasFindingsAtOrAbove,
  type SeverityCounts,
} from '../../../../src/core/docker/imageScanSummary';
import { silentLogger } from '../../../../src/core/logging/logger';

const fixtures = path.resolve(__dirname, '../../../fixtures');
const trivy = path.join(fixtures, 'bin', 'trivy');
const alpine = path.join(fixtures, 'trivy', 'v0.74.0__image__alpine-310.json');
const DOCKERFILE =
  '# app\nFROM python:3.12-slim AS build\nRUN true\n\nFROM  alpine:3.10\nCOPY . /app\n';

describe('Trivy image scan', () => {
  let root: string;
  let log: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'openpypi-image-scan-'));
    log = path.join(root, 'calls.log');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const scan = (image: string, dockerfile?: string) =>
    scanImage({
      trivy,
      imageReference: image,
      root,
      ...(dockerfile === undefined ? {} : { dockerfile: { path: 'Dockerfile', text: dockerfile } }),
      env: {
        ...process.env,
        DOCKER_HOST: 'unix:///tmp/engine.sock',
        OPENPYPI_STANDIN_LOG: log,
        OPENPYPI_STANDIN_TRIVY_IMAGES: `app:1=${alpine}`,
      },
      timeoutMs: 60_000,
      logger: silentLogger,
    });

  it('runs `trivy image --format json` on the engine OpenPypi uses, one argument per item', async () => {
    await scan('app:1');
    assert.deepEqual(trivyImageArgs('app:1').slice(0, 3), ['image', '--format', 'json']);
    assert.equal(trivyImageArgs('app:1').at(-1), 'app:1');
    assert.equal(trivyImageArgs('app:1').at(-2), '--');
    const calls = await readFile(log, 'utf8');
    assert.match(calls, /^trivy-image app:1 DOCKER_HOST=unix:\/\/\/tmp\/engine\.sock$/m);
  });

  it('turns the report into one SARIF run with severity counts', async () => {
    const { run, counts } = await scan('app:1');
    assert.equal(run.tool.driver.name.toLowerCase(), 'trivy');
    assert.equal(run.results?.length, 4);
    assert.deepEqual(counts, { CRITICAL: 0, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 });
    assert.equal(formatCounts(counts), 'M 4');
  });

  it('points OS-package results of an image built from a Dockerfile at its final FROM line', async () => {
    const { run } = await scan('app:1', DOCKERFILE);
    assert.equal(finalFromLine(DOCKERFILE), 5);
    for (const result of run.results ?? []) {
      const first = result.locations?.[0]?.physicalLocation;
      assert.equal(first?.artifactLocation?.uri, 'Dockerfile');
      assert.equal(first.region?.startLine, 5);
      assert.equal(first.region.endColumn, 'FROM  alpine:3.10'.length + 1);
      // The image location stays as the second one.
      assert.equal(result.locations?.[1]?.properties?.['openpypi/artifactKind'], 'container-image');
    }
  });

  it('fails with Trivy’s own words for an image it cannot find', async () => {
    await assert.rejects(scan('other:2'), (error: Error) => {
      assert.equal(error.name, 'UserError');
      assert.match(
        error.message,
        /^Trivy could not scan other:2 \(exit code 1\): .*unable to find the specified image "other:2"/,
      );
      return true;
    });
  });

  it('compares counts with the quarantine threshold', () => {
    const counts: SeverityCounts = { CRITICAL: 0, HIGH: 0, MEDIUM: 4, LOW: 1, UNKNOWN: 0 };
    assert.equal(hasFindingsAtOrAbove(counts, 'HIGH'), false);
    assert.equal(hasFindingsAtOrAbove(counts, 'MEDIUM'), true);
    assert.equal(hasFindingsAtOrAbove({ ...counts, CRITICAL: 1 }, 'CRITICAL'), true);
    assert.equal(
      formatCounts({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 }),
      'no vulnerabilities',
    );
  });
});
