import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findingsInChunks } from '../../../../src/core/findings/findingsInChunks';
import { importFindings } from '../../../../src/core/findings/importFindings';
import { SarifImportError } from '../../../../src/core/sarif/sarifImportError';
import { validSarifFixtureFiles as sarifFixtures } from '../sarif/sarifFixtures';
import { byKeyAsData as plain } from './sentFindings';

describe('findingsInChunks (the import worker streams its findings)', () => {
  it('yields, chunk after chunk, exactly the findings and problems of importFindings', () => {
    let checked = 0;
    let multiRun = 0;
    for (const file of sarifFixtures()) {
      const text = readFileSync(file, 'utf8');
      let whole: ReturnType<typeof importFindings>;
      try {
        whole = importFindings(text, path.dirname(file), file);
      } catch {
        continue; // a log the importer refuses is checked below
      }
      const streamed = findingsInChunks(text, path.dirname(file), file, 7);
      const chunks = [...streamed.chunks];
      assert.ok(
        chunks.every((chunk) => chunk.length > 0 && chunk.length <= 7),
        file,
      );
      assert.deepEqual(plain(chunks.flat()), plain(whole.findings), file);
      const byText = (problems: readonly { pointer: string; message: string }[]): string[] =>
        problems.map((p) => `${p.pointer} ${p.message}`).sort();
      assert.deepEqual(byText(streamed.problems()), byText(whole.problems), file);
      checked += whole.findings.length;
      if (whole.runCount > 1) multiRun += 1;
    }
    assert.ok(checked > 50, `only ${checked} findings checked`);
    assert.ok(multiRun > 0, 'no fixture log with several runs');
  });

  it('takes the runs and their results in log order, `size` at a time', () => {
    const at = (uri: string, n: number) => ({
      ruleId: `R${n}`,
      message: { text: `m${n}` },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: n } } }],
    });
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'first' } },
          results: [at('a.py', 0), at('b.py', 1), at('a.py', 2), at('b.py', 3), at('a.py', 4)],
        },
        { tool: { driver: { name: 'second' } }, results: [at('b.py', 5)] },
      ],
    };
    const streamed = findingsInChunks(JSON.stringify(log), '/work', 'x.sarif', 2);
    const chunks = [...streamed.chunks];
    assert.deepEqual(
      chunks.map((chunk) => chunk.map((f) => `${f.tool}:${f.message}`)),
      [
        ['first:m0', 'first:m1'],
        ['first:m2', 'first:m3'],
        ['first:m4', 'second:m5'],
      ],
    );
    // A finding's key is still its place in the log, as importFindings gives it.
    assert.deepEqual(
      chunks.flat().map((f) => f.key),
      ['0/0', '0/1', '0/2', '0/3', '0/4', '1/0'],
    );
    assert.deepEqual(streamed.problems(), []);
  });

  it('throws at once, before any chunk, for a document that is not SARIF', () => {
    assert.throws(
      () => findingsInChunks('{"version": "1.0"', '/work', 'x.sarif', 10),
      SarifImportError,
    );
  });
});
