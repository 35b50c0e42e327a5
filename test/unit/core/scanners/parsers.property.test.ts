import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Run } from 'sarif';
import { parseBanditJson } from '../../../../src/core/scanners/bandit';
import { ScannerOutputError } from '../../../../src/core/scanners/scannerOutputError';
import type { Parser } from './parserInputs';
import { context, fixtureTexts, mutatedOutput, parsers } from './parserInputs';
import { assertRunShape } from './runShape';
import { MAX_PLAIN_TEXT } from '../../../../src/core/text/plainText';

/** The parser returns a well-formed run or throws a ScannerOutputError; nothing else. */
function checkParser(parse: Parser, stdout: string): void {
  let run: Run;
  try {
    run = parse(stdout, context);
  } catch (error) {
    assert.ok(error instanceof ScannerOutputError, `unexpected ${String(error)}`);
    assert.ok(error.message.length > 20);
    return;
  }
  assertRunShape(run);
}

describe('scanner parsers on random and damaged output (property)', () => {
  for (const [tool, parse] of Object.entries(parsers)) {
    const texts = fixtureTexts(tool);

    it(`${tool}: random text and random JSON`, () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.jsonValue().map((v) => JSON.stringify(v)),
          ),
          (stdout) => {
            checkParser(parse, stdout);
          },
        ),
        { numRuns: 150 },
      );
    });

    it(`${tool}: real outputs truncated and with values replaced by hostile ones`, () => {
      fc.assert(
        fc.property(mutatedOutput(texts), (stdout) => {
          checkParser(parse, stdout);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('never turns HTML or Markdown from a tool into markup, and caps huge text', () => {
    const issue = {
      filename: 'app/x.py',
      line_number: 1,
      test_id: 'B101',
      issue_text: `<b>${'y'.repeat(MAX_PLAIN_TEXT + 1000)}</b>`,
      issue_severity: 'LOW',
    };
    const run = parseBanditJson(JSON.stringify({ results: [issue] }), context);
    const text = run.results?.[0]?.message.text ?? '';
    assert.ok(text.startsWith('<b>yyy'));
    const note = `… [cut at ${MAX_PLAIN_TEXT} characters]`;
    assert.ok(text.endsWith(note));
    assert.equal(text.length, MAX_PLAIN_TEXT + note.length);
    assert.equal(run.results?.[0]?.message.markdown, undefined);
  });
});
