import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_PLAIN_TEXT, plainText } from '../../../../src/core/text/plainText';

describe('plainText (tool text shown and written as plain text)', () => {
  it('returns ordinary text unchanged, HTML and Markdown included', () => {
    const text = 'B602 <b>shell=True</b> [link](command:x) `code`\n\tindented';
    assert.equal(plainText(text), text);
  });

  it('removes colour, cursor and hyperlink escapes as Trivy and pip-audit print them', () => {
    const coloured = '\u001b[1;31mCRITICAL\u001b[0m \u001b[?25lhidden cursor\u001b[?25h';
    assert.equal(plainText(coloured), 'CRITICAL hidden cursor');
    const link =
      '\u001b]8;;https://avd.aquasec.com/nvd/cve-2023-32681\u001b\\CVE-2023-32681\u001b]8;;\u001b\\';
    assert.equal(plainText(link), 'CVE-2023-32681');
    assert.equal(plainText('title\u001b]0;window\u0007 done'), 'title done');
  });

  it('removes control characters, keeps tabs and newlines, folds CRLF and CR to LF', () => {
    assert.equal(plainText('a\u0000b\u0007c\u007fd'), 'abcd');
    assert.equal(plainText('one\r\ntwo\rthree\n\tfour'), 'one\ntwo\nthree\n\tfour');
  });

  it('replaces broken UTF-16 and keeps whole surrogate pairs', () => {
    assert.equal(plainText('a\uD800b\uDC00c'), 'a\uFFFDb\uFFFDc');
    assert.equal(plainText('snake 🐍'), 'snake 🐍');
  });

  it('cuts long text at the cap and says so', () => {
    assert.equal(plainText('x'.repeat(12), 10), `${'x'.repeat(10)}… [cut at 10 characters]`);
    const long = 'y'.repeat(MAX_PLAIN_TEXT + 1);
    assert.ok(plainText(long).endsWith(`… [cut at ${MAX_PLAIN_TEXT} characters]`));
  });

  it('never leaves an escape, a control character or a lone surrogate, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = plainText(text);
        const loneSurrogate =
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
        // eslint-disable-next-line no-control-regex -- the property is about control characters
        const control = /[\u0000-\u0008\u000b-\u001f\u007f]/;
        return !control.test(out) && !loneSurrogate.test(out);
      }),
      { numRuns: 500 },
    );
  });
});
