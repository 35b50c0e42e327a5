import * as assert from 'node:assert/strict';
import { extractCodeBlock, parseReviewFindings } from '../../../../src/core/ai/responseParsing';

describe('AI answer parsing', () => {
  it('takes the fenced block of the wanted language', () => {
    const answer =
      'Here:\n```text\nnot this\n```\n```python\nimport subprocess\nsubprocess.run(["ls"])\n```\nDone.';
    assert.equal(extractCodeBlock(answer, 'python'), 'import subprocess\nsubprocess.run(["ls"])');
    assert.equal(extractCodeBlock(answer), 'not this');
    assert.equal(extractCodeBlock('no code'), undefined);
  });

  it('reads review findings and drops what is malformed, clamping lines to the file', () => {
    const answer =
      'Findings:\n```json\n[{"line": 3, "severity": "error", "message": "shell=True", "ruleId": "CWE-78"},' +
      ' {"line": 999, "message": "weak hash"}, {"severity": "error"}, 7, {"line": -4, "severity": "odd", "message": "x"}]\n```';
    assert.deepEqual(parseReviewFindings(answer, 10), [
      { line: 3, severity: 'error', message: 'shell=True', ruleId: 'CWE-78' },
      { line: 10, severity: 'warning', message: 'weak hash' },
      { line: 1, severity: 'warning', message: 'x' },
    ]);
    assert.deepEqual(parseReviewFindings('[]', 5), []);
  });

  it('says clearly when the answer is not a JSON list', () => {
    assert.throws(() => parseReviewFindings('I found nothing.', 5), /no JSON list/);
    assert.throws(() => parseReviewFindings('[{"line": 1,]', 5), /not valid JSON/);
  });
});
