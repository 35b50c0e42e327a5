import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineHashes } from '../../../../src/core/sarif/lineHash';

// testFile1.js and testFile2.js of github/codeql-action (MIT, see test/fixtures/sarif/PROVENANCE.md),
// whose hashes codeql-action/valid/fingerprinting.expected.sarif records.
const testFile1 = 'var a = 0;\nvar b = 0;\nvar c = 0;\nvar d = 0;\n';
const testFile2 = 'var foo = 0;\nvar bar = 0;\nvar baz = 0;\nvar qux = 0;\n';

describe('lineHashes', () => {
  it('matches the primaryLocationLineHash values GitHub computes', () => {
    assert.equal(lineHashes(testFile1)[0], '5e4d5a9cf1294ad9:1');
    assert.equal(lineHashes(testFile2)[1], 'f7592a95a9381ac0:1');
  });

  it('ignores spaces and line-ending style and counts repeated lines', () => {
    assert.deepEqual(lineHashes('a = 1\r\nb = 2\r\n'), lineHashes('a=1\nb=2\n'));
    const repeated = lineHashes('x\nx\nx\n');
    assert.notEqual(repeated[0], repeated[1]);
  });
});

/** The same hash written the plain way (BigInt, one character at a time), as a reference. */
function referenceLineHashes(text: string): string[] {
  const modulus = 1n << 64n;
  let weight = 1n;
  for (let i = 0; i < 100; i += 1) weight = (weight * 37n) % modulus;
  const window = new Array<number>(100).fill(0);
  const lineAt = new Array<number>(100).fill(-1);
  const out: string[] = [];
  const counts = new Map<string, number>();
  let hash = 0n;
  let index = 0;
  let line = 0;
  let lineStart = true;
  let previousCr = false;
  const emit = (): void => {
    const value = hash.toString(16);
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    out[(lineAt[index] ?? 0) - 1] = `${value}:${count}`;
    lineAt[index] = -1;
  };
  const update = (code: number): void => {
    const outgoing = window[index] ?? 0;
    window[index] = code;
    hash =
      (((37n * hash + BigInt(code) - weight * BigInt(outgoing)) % modulus) + modulus) % modulus;
    index = (index + 1) % 100;
  };
  const take = (input: number): void => {
    let code = input;
    if (code === 32 || code === 9 || (previousCr && code === 10)) {
      previousCr = false;
      return;
    }
    previousCr = code === 13;
    if (previousCr) code = 10;
    if (lineAt[index] !== -1) emit();
    if (lineStart) {
      lineStart = false;
      line += 1;
      lineAt[index] = line;
    }
    if (code === 10) lineStart = true;
    update(code);
  };
  for (let i = 0; i < text.length; i += 1) take(text.charCodeAt(i));
  take(65535);
  for (let i = 0; i < 100; i += 1) {
    if (lineAt[index] !== -1) emit();
    update(0);
  }
  return out;
}

describe('lineHashes against a plain reference', () => {
  it('agrees on random text with every kind of line ending and character', () => {
    const piece = fc.oneof(
      fc.constantFrom('\n', '\r\n', '\r', '\t', ' ', 'é', '\u{1F600}', '\uFFFF'),
      fc.string({ maxLength: 150 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(lineHashes(text), referenceLineHashes(text));
      }),
      { numRuns: 200 },
    );
  });
});
