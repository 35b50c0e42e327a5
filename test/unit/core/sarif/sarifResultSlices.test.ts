import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { importSarif } from '../../../../src/core/sarif/importSarif';
import { SarifImportError } from '../../../../src/core/sarif/sarifImportError';
import { sliceSarifResults } from '../../../../src/core/sarif/sarifResultSlices';
import { DEMO_WORKSPACE, readFixture } from './sarifFixtures';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** What JSON.parse makes of the whole text, rebuilt from the skeleton and the slices. */
function rebuilt(text: string, sliceLength: number): unknown {
  const slices = sliceSarifResults(bytes(text), sliceLength);
  assert.ok(slices, 'expected the log to be sliced');
  const skeleton = JSON.parse(slices.skeleton.replace(/^\uFEFF/, '')) as {
    runs: Record<string, unknown>[];
  };
  skeleton.runs.forEach((run, index) => {
    const results = [...slices.results(index)];
    if (results.length > 0 || Array.isArray(run.results)) run.results = results;
  });
  return skeleton;
}

const tricky = {
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'a "quoted" tool ]}', rules: [{ id: 'R1' }] } },
      results: [
        { ruleId: 'R1', message: { text: 'brackets ]}[{ and "quotes" and a backslash \\' } },
        { ruleId: 'R1', message: { text: 'ends in two backslashes \\\\' }, level: 'note' },
        { ruleId: 'R1', message: { text: 'ünïcödé → 🐍 and \u2028' }, rank: 1.5e3 },
        { ruleId: 'R1', message: { text: 'x' }, locations: [{}, {}], properties: { n: null } },
        'not an object',
        [],
      ],
      artifacts: [{ location: { uri: 'after/the/results.py' } }],
    },
    { tool: { driver: { name: 'second' } }, results: 42 },
    'not a run',
    { results: [], tool: { driver: { name: 'third' } } },
  ],
};

describe('sliceSarifResults', () => {
  for (const sliceLength of [1, 40, 1 << 16]) {
    it(`gives back exactly what JSON.parse reads, in slices of ${sliceLength} characters`, () => {
      for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, '\t')]) {
        assert.deepEqual(rebuilt(text, sliceLength), JSON.parse(text));
        assert.deepEqual(rebuilt(`\uFEFF \n${text}\r\n`, sliceLength), JSON.parse(text));
      }
    });
  }

  it('parses the results a slice at a time, the skeleton without them', () => {
    const text = JSON.stringify(tricky);
    const slices = sliceSarifResults(bytes(text), 40);
    assert.ok(slices);
    assert.ok(!slices.skeleton.includes('brackets'));
    assert.ok(slices.skeleton.includes('after/the/results.py'));
    // The second run's `results: 42` stays in the skeleton for the import to report.
    assert.ok(slices.skeleton.includes('"results":42'));
    assert.deepEqual([...slices.results(1)], []);
    // A slice that is not JSON throws when it is reached, not before.
    const broken = sliceSarifResults(bytes(text.replace('"level":"note"', '"level":nope')), 40);
    assert.ok(broken);
    const results = broken.results(0);
    assert.equal((results.next().value as { ruleId: string }).ruleId, 'R1');
    assert.throws(() => [...results], SyntaxError);
  });

  it('leaves to JSON.parse whatever is not an ordinary document', () => {
    const cases = [
      '[]',
      '{"version":"2.1.0","runs":[],"runs":[]}',
      '{"version":"2.1.0","runs":[{"results":[],"results":[{}]}]}',
      '{"version":"2.1.0","run\\u0073":[]}',
      '{"version":"2.1.0","runs":[{"r\\u0065sults":[{}]}]}',
      '{"version":"2.1.0","runs":[{"results":[{},]}]}',
      '{"version":"2.1.0","runs":[{"results":[{}]}]} trailing',
      '{"version":"2.1.0","runs":[{"results":[{"a":"unclosed}]}]}',
      '{"version":"2.1.0","runs":[{"results":[{}',
      '',
    ];
    for (const text of cases) {
      assert.equal(sliceSarifResults(bytes(text), 1), undefined, text);
    }
  });

  it('rebuilds any JSON results and runs exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.jsonValue(), { maxLength: 6 }), { maxLength: 3 }),
        // Member names without escapes (an escaped name is left to JSON.parse, tested above).
        fc.dictionary(fc.stringMatching(/^[a-zé_$ ]{0,8}$/), fc.jsonValue(), { maxKeys: 3 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(undefined, 2),
        (runs, extra, sliceLength, indent) => {
          const log = {
            version: '2.1.0',
            runs: runs.map((results, index) => ({
              results,
              tool: { driver: { name: `t${index}` } },
            })),
            ...Object.fromEntries(Object.entries(extra).filter(([key]) => key !== 'runs')),
          };
          const text = JSON.stringify(log, null, indent);
          assert.deepEqual(rebuilt(text, sliceLength), JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('importSarif of bytes', () => {
  const root = DEMO_WORKSPACE;

  it('imports fixtures from their bytes (sliced) as from their text (parsed whole)', () => {
    for (const file of [
      'third-party/taint-python-report.sarif',
      'sarif-sdk/valid/elfie-arriba-utf8-bom.sarif',
      'codeql-action/invalid/invalid-sarif.sarif',
      'trivy/config__report.sarif',
      'third-party/dockle_0_3_15.sarif',
      'third-party/gitleaks_7.5.0.sarif',
      'sarif-sdk/invalid/Rel_All.sarif',
      'sarif-sdk/valid/WithSuppressions.sarif',
      'bandit/formatter-sarif-docstring-example.sarif',
    ]) {
      const text = readFixture(file);
      assert.deepEqual(
        importSarif(bytes(text), { root, source: file }),
        importSarif(text, { root, source: file }),
        file,
      );
    }
  });

  it('fails on a result that is not JSON as on a document that is not, with the same message', () => {
    const text = JSON.stringify(tricky).replace('"level":"note"', '"level":nope');
    let whole: unknown;
    try {
      JSON.parse(text);
    } catch (error) {
      whole = error;
    }
    assert.ok(whole instanceof SyntaxError);
    for (const input of [text, bytes(text)]) {
      assert.throws(
        () => importSarif(input, { root, source: 'broken.sarif' }),
        (error: unknown) =>
          error instanceof SarifImportError &&
          error.failure === 'not-json' &&
          error.message.includes(whole.message),
      );
    }
  });
});
