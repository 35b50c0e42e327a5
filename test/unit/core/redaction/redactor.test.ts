import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { REDACTED, Redactor } from '../../../../src/core/redaction/redactor';

const examples = {
  github: 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
  githubFineGrained:
    'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH',
  openai: 'sk-proj-' + 'Abc123Def456Ghi789Jkl012Mno345',
  openaiLegacy: 'sk-' + 'abcdefghijklmnopqrstuvwxyz012345',
  aws: 'AKIA' + 'IOSFODNN7EXAMPLE',
  slack: 'xoxb-' + '123456789012-abcdefABCDEF',
};

describe('Redactor', () => {
  for (const [kind, token] of Object.entries(examples)) {
    it(`removes a ${kind} token by its shape`, () => {
      const out = new Redactor().redact(`using ${token} now`);
      assert.equal(out, `using ${REDACTED} now`);
    });
  }

  it('removes a private key block', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc\n-----END RSA PRIVATE KEY-----';
    assert.equal(new Redactor().redact(`key: ${pem} end`), `key: ${REDACTED} end`);
  });

  it('keeps the scheme and user of a URL but not its password', () => {
    const out = new Redactor().redact('postgresql://app:s3cr3t-pw@127.0.0.1:5432/db');
    assert.equal(out, `postgresql://app:${REDACTED}@127.0.0.1:5432/db`);
  });

  it('keeps the word Bearer but not the token', () => {
    const out = new Redactor().redact('Authorization: Bearer abcdefghijklmnop.qrstuvwxyz');
    assert.equal(out, `Authorization: Bearer ${REDACTED}`);
  });

  it('removes a known secret of any shape, and forgets it when told', () => {
    const redactor = new Redactor();
    redactor.addSecret('correct horse battery');
    assert.equal(redactor.redact('pw=correct horse battery;'), `pw=${REDACTED};`);
    redactor.removeSecret('correct horse battery');
    assert.equal(redactor.redact('pw=correct horse battery;'), 'pw=correct horse battery;');
  });

  for (const [kind, token] of Object.entries(examples)) {
    it(`removes a ${kind} token glued to a letter, a digit or an underscore`, () => {
      for (const glue of ['x', '7', '_', 'token=', 'my_token']) {
        const out = new Redactor().redact(`using ${glue}${token} now`);
        assert.ok(!out.includes(token.slice(-12)), `${glue}${token} -> ${out}`);
        assert.ok(out.includes(REDACTED), out);
      }
    });
  }

  it('removes an AWS key id with more letters glued on either side', () => {
    const out = new Redactor().redact(`id=x${examples.aws}abc`);
    assert.ok(!out.includes('IOSFODNN7'), out);
  });

  it('keeps the word token but not what follows it in access_token', () => {
    const out = new Redactor().redact('access_token abcdefghijklmnop0123');
    assert.equal(out, `access_token ${REDACTED}`);
  });

  it('leaves ordinary text alone', () => {
    const text =
      'B602 subprocess call with shell=True at app/run.py:14 (requests 2.19.0 -> 2.31.0)';
    assert.equal(new Redactor().redact(text), text);
  });

  it('leaves package and task names with "sk-" inside them alone', () => {
    const text =
      'pip install flask-sqlalchemy-utilities-extended; run task-scheduler-configuration; disk-usage-report-generator';
    assert.equal(new Redactor().redact(text), text);
  });

  it('never lets a known secret through, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 8, maxLength: 64 }).filter((s) => s.trim().length >= 8),
        fc.string(),
        (before, secret, after) => {
          const redactor = new Redactor();
          redactor.addSecret(secret);
          return !redactor.redact(before + secret + after).includes(secret);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never lets a GitHub or OpenAI token through, whatever surrounds it', () => {
    const alnum = fc.stringMatching(/^[A-Za-z0-9]{36}$/);
    fc.assert(
      fc.property(
        fc.string(),
        alnum,
        fc.constantFrom('ghp_', 'gho_', 'sk-', 'sk-proj-'),
        fc.string(),
        (before, body, prefix, after) => {
          const token = prefix + body;
          return !new Redactor().redact(`${before} ${token} ${after}`).includes(body);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never lets a token through when it is glued to whatever comes before or after it', () => {
    // Generated bodies as the services make them: letters and digits, both present.
    const body = fc
      .tuple(
        fc.stringMatching(/^[A-Za-z0-9]{34}$/),
        fc.stringMatching(/^[0-9]$/),
        fc.stringMatching(/^[A-Za-z]$/),
      )
      .map(([rest, digit, letter]) => `${letter}${rest}${digit}`);
    fc.assert(
      fc.property(
        fc.string(),
        fc.stringMatching(/^[A-Za-z0-9_]$/),
        body,
        fc.constantFrom('ghp_', 'gho_', 'ghs_', 'github_pat_', 'sk-', 'sk-proj-', 'xoxb-'),
        fc.string(),
        (before, glue, secret, prefix, after) => {
          const out = new Redactor().redact(before + glue + prefix + secret + after);
          return !out.includes(secret);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
