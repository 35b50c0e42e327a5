import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Log } from 'sarif';
import { importSarif } from '../../../../src/core/sarif/importSarif';
import { mergeRuns } from '../../../../src/core/sarif/mergeRuns';
import { SarifImportError } from '../../../../src/core/sarif/sarifImportError';
import { assertLogShape } from './logShape';
import { multitoolViolations } from './multitoolValidation';
import { DEMO_WORKSPACE, readFixture } from './sarifFixtures';

const SOURCES = [
  'third-party/taint-python-report.sarif',
  'third-party/dockle_0_3_15.sarif',
  'third-party/gitleaks_7.5.0.sarif',
  'sarif-sdk/invalid/Rel_All.sarif',
  'sarif-sdk/invalid/RunWithArtifacts.sarif',
  'sarif-sdk/valid/WithSuppressions.sarif',
  'sarif-sdk/valid/ai-example.sarif',
  'codeql-action/valid/valid-sarif.sarif',
  'bandit/formatter-sarif-docstring-example.sarif',
  'trivy/config__report.sarif',
].map((file) => ({ file, text: readFixture(file) }));

const BAD_URIS = [
  '../../etc/passwd',
  'file:///etc/shadow',
  '\\\\host\\share\\x',
  'file://host/share',
  'http://bad host/%zz',
  '%',
  'C:\\a b\\c.py',
  '',
  'sarif:/runs/0',
  '\uD800',
];

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'truncate'; fraction: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(...BAD_URIS),
      fc.constantFrom(-1, 0, 42, 1e300, null, true, [], {}),
      fc.constant('x'.repeat(200_000)),
      fc.string({ unit: 'binary', maxLength: 40 }),
    ),
  }),
  fc.record({
    kind: fc.constant('truncate' as const),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);

/** Every (container, key) pair of a JSON tree, in document order. */
function slots(
  value: unknown,
  out: [Record<string, unknown> | unknown[], string | number][] = [],
): typeof out {
  if (Array.isArray(value)) {
    value.forEach((entry, index) => {
      out.push([value, index]);
      slots(entry, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      out.push([value as Record<string, unknown>, key]);
      slots(entry, out);
    }
  }
  return out;
}

function mutate(text: string, mutations: Mutation[]): string {
  const document = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  let truncateAt: number | undefined;
  for (const change of mutations) {
    if (change.kind === 'truncate') {
      truncateAt = change.fraction;
      continue;
    }
    const all = slots(document);
    const slot = all[change.at % Math.max(1, all.length)];
    if (slot === undefined) continue;
    const [container, key] = slot;
    if (change.kind === 'delete') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else Reflect.deleteProperty(container, key);
    } else if (Array.isArray(container)) {
      container[key as number] = change.value;
    } else {
      container[key as string] = change.value;
    }
  }
  const out = JSON.stringify(document);
  return truncateAt === undefined ? out : out.slice(0, Math.floor(out.length * truncateAt));
}

describe('importSarif on mutated real logs (property)', function () {
  this.timeout(120_000);

  it('throws nothing but SarifImportError, and every log it leads to is valid', async () => {
    const keep: Log[] = [];
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (source, mutations) => {
          const text = mutate(source.text, mutations);
          let runs;
          try {
            runs = importSarif(text, { root: DEMO_WORKSPACE, source: source.file }).runs;
          } catch (error) {
            assert.ok(error instanceof SarifImportError, (error as Error).stack);
            assert.ok(error.message.startsWith(source.file));
            return;
          }
          const log = mergeRuns(runs, { root: DEMO_WORKSPACE, readText: () => undefined });
          assertLogShape(log);
          if (
            keep.length < 3 &&
            log.runs.some((run) => (run.results ?? []).length > 0) &&
            mutations.every((m) => m.kind !== 'truncate')
          ) {
            keep.push(log);
          }
        },
      ),
      { numRuns: 300 },
    );
    assert.ok(keep.length > 0);
    // Three of the mutated logs, merged, in full through the Multitool.
    const runs = keep.flatMap((log) => log.runs);
    assert.deepEqual(
      await multitoolViolations(
        mergeRuns(runs, { root: DEMO_WORKSPACE, readText: () => undefined }),
      ),
      [],
    );
  });

  it('survives random text and random JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify({ version: '2.1.0', runs: [value] })),
        ),
        (text) => {
          try {
            const { runs } = importSarif(text, { root: DEMO_WORKSPACE, source: 'random.sarif' });
            assertLogShape(mergeRuns(runs, { root: DEMO_WORKSPACE, readText: () => undefined }));
          } catch (error) {
            assert.ok(error instanceof SarifImportError, (error as Error).stack);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
