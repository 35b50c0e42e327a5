// Upload preparation: a log GitHub code scanning accepts becomes gzip+base64 of its bytes; one
// it would reject (invalid, too many runs, too big) is refused with the reason.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  prepareSarifUpload,
  SarifUploadRefusedError,
} from '../../../../src/core/github/sarifUpload';

const fixtures = path.resolve(__dirname, '../../../fixtures/sarif');
const read = (file: string): string => readFileSync(path.join(fixtures, file), 'utf8');

function refusal(text: string): string {
  try {
    prepareSarifUpload(text, 'x.sarif');
  } catch (error) {
    assert.ok(error instanceof SarifUploadRefusedError, String(error));
    return error.message;
  }
  assert.fail('expected a refusal');
}

describe('SARIF upload preparation', () => {
  it('gzips and base64-encodes a valid log, counting runs and results', () => {
    const text = read('codeql-action/valid/valid-sarif.sarif');
    const prepared = prepareSarifUpload(text, 'valid-sarif.sarif');
    assert.equal(gunzipSync(Buffer.from(prepared.sarif, 'base64')).toString('utf8'), text);
    assert.equal(prepared.runs, 2);
    assert.equal(prepared.results, 3);
  });

  for (const file of [
    'codeql-action/valid/empty-sarif.sarif',
    'codeql-action/valid/fingerprinting.expected.sarif',
    'sarif-sdk/valid/CweGhasSample.sarif',
    'bandit/formatter-sarif-docstring-example.sarif',
  ]) {
    it(`accepts ${file}`, () => {
      assert.ok(prepareSarifUpload(read(file), file).sarif.length > 0);
    });
  }

  it('refuses results that are not an array (codeql-action invalid-sarif)', () => {
    assert.match(
      refusal(read('codeql-action/invalid/invalid-sarif.sarif')),
      /results is not an array/,
    );
  });

  it('refuses runs without a tool name (codeql-action tool-names)', () => {
    assert.match(
      refusal(read('codeql-action/invalid/tool-names.sarif')),
      /tool\/driver\/name is missing/,
    );
  });

  it('refuses an invalid URI (codeql-action with-invalid-uri)', () => {
    assert.match(refusal(read('codeql-action/invalid/with-invalid-uri.sarif')), /not a valid URI/);
  });

  it('refuses another SARIF version and text that is not JSON', () => {
    assert.match(refusal(read('sarif-sdk/invalid/v2.0.0__Minimal.sarif')), /2\.1\.0/);
    assert.match(refusal('{"version": "2.1.0", "runs": ['), /not valid JSON/);
  });

  it('refuses more than 20 runs', () => {
    const run = { tool: { driver: { name: 'x' } }, results: [] };
    const text = JSON.stringify({ version: '2.1.0', runs: Array.from({ length: 21 }, () => run) });
    assert.match(refusal(text), /21 runs; GitHub accepts at most 20/);
  });

  it('refuses a run with more than 25,000 results', () => {
    const result = { ruleId: 'r', message: { text: 'm' } };
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        { tool: { driver: { name: 'x' } }, results: Array.from({ length: 25_001 }, () => result) },
      ],
    });
    assert.match(refusal(text), /25001 results; GitHub accepts at most 25000/);
  });

  it('refuses a log over 10 MB gzipped', () => {
    // Random bytes as base64 (6 bits a character) stay above 10 MB gzipped.
    const noise = { toString: () => randomBytes(12 * 1024 * 1024).toString('base64') };
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x' } },
          results: [{ message: { text: noise.toString() } }],
        },
      ],
    });
    assert.match(refusal(text), /MB gzipped; GitHub accepts at most 10 MB/);
  });
});
