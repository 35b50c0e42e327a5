import * as assert from 'node:assert/strict';
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
