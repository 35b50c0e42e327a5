import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { apiKeyProblem } from '../../../../src/core/ai/apiKeyFormat';
import { excerptAround, PromptBuilder } from '../../../../src/core/ai/promptBuilder';
import { Redactor } from '../../../../src/core/redaction/redactor';

const alnum = fc.string({
  unit: fc.constantFrom(
    ...Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  ),
  minLength: 24,
  maxLength: 40,
});

/** Credential shapes the redactor knows, generated fresh each run. */
const token = fc.oneof(
  alnum.map((s) => `sk-proj-${s}`),
  alnum.map((s) => `sk-${s}`),
  alnum.map((s) => `ghp_${s}`),
  alnum.map((s) => `github_pat_${s}`),
  fc
    .string({
      unit: fc.constantFrom(...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')),
      minLength: 16,
      maxLength: 16,
    })
    .map((s) => `AKIA${s}`),
  alnum.map((s) => `xoxb-${s}`),
);

/** Text a token is embedded in: code-ish words, punctuation, quotes, newlines. */
const filler = fc.string({
  unit: fc.constantFrom(...Array.from(' \n\t=:"\'(),.abcXYZ_-/')),
  maxLength: 30,
});

/**
 * What stands right next to a token in real text: a quote, '=', ':', a space, a bracket.
 * (A token glued to a letter, e.g. "xghp_…", is not matched by the shape patterns; only a
 * stored token is redacted there. Reported to the redaction owner.)
 */
const separator = fc.constantFrom(' ', '\n', '"', "'", '=', ': ', '(', ')', ',');

describe('prompts sent to the AI model', () => {
  it('never carry a credential, wherever it sits in the finding or the file', () => {
    const builder = new PromptBuilder(new Redactor());
    fc.assert(
      fc.property(token, filler, filler, separator, separator, (secret, before, after, l, r) => {
        const text = `${before}${l}${secret}${r}${after}`;
        const finding = {
          message: `Hardcoded ${text}`,
          ruleId: 'B105',
          file: 'app/settings.py',
          line: 2,
        };
        const prompts = [
          ...builder.explainFinding(finding, `import os\n${text}\n`),
          ...builder.fixFinding(finding, `API = "${text}"\n`),
          ...builder.generateTests(text, 'app/settings.py'),
          ...builder.reviewFile(`x = 1\n${text}`, 'app/settings.py'),
        ];
        for (const message of prompts) {
          assert.ok(!message.content.includes(secret), `${secret} leaked into a prompt`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never carry a stored token of any shape (registered with the redactor)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }).filter((s) => s.trim().length >= 8),
        filler,
        (secret, around) => {
          const redactor = new Redactor();
          redactor.addSecret(secret);
          const builder = new PromptBuilder(redactor);
          const messages = builder.fixFinding({ message: 'm' }, `${around}${secret}${around}`);
          assert.ok(messages.every((m) => !m.content.includes(secret)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shows the numbered lines around the finding', () => {
    const file = Array.from({ length: 60 }, (_, i) => `line${i + 1}`).join('\n');
    const excerpt = excerptAround(file, 30);
    assert.match(excerpt, /^ {2}10\| line10$/m);
    assert.match(excerpt, /^ {2}50\| line50$/m);
    assert.ok(!excerpt.includes('line9\n'));
    assert.ok(!excerpt.includes('line51'));
  });
});

describe('API key format', () => {
  it('accepts sk- and sk-proj- keys for OpenAI and names what is wrong otherwise', () => {
    assert.equal(apiKeyProblem('sk-proj-abcdefghijklmnop0123', true), undefined);
    assert.equal(apiKeyProblem('sk-abcdefghijklmnop0123', true), undefined);
    assert.match(apiKeyProblem('ghp_abcdefghijklmnop0123', true) ?? '', /starts with "sk-"/);
    assert.match(apiKeyProblem('sk-short', true) ?? '', /at least 16/);
    assert.match(apiKeyProblem('', true) ?? '', /Enter an API key/);
    assert.match(apiKeyProblem('sk-abc def ghijklmnopqrstu', true) ?? '', /no spaces/);
  });

  it('accepts any token for another OpenAI-compatible server (Ollama, vLLM)', () => {
    assert.equal(apiKeyProblem('ollama', false), undefined);
    assert.match(apiKeyProblem(' ', false) ?? '', /Enter an API key/);
  });
});
