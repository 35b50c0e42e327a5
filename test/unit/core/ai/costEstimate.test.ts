import * as assert from 'node:assert/strict';
import {
  countPromptTokens,
  estimateRequestCost,
  priceUsage,
} from '../../../../src/core/ai/costEstimate';
import { describeEstimate, exceedsLimit } from '../../../../src/core/ai/costFormatting';

describe('cost estimation', () => {
  it('counts chat tokens with the model tokenizer, growing with the text', () => {
    const short = countPromptTokens([{ role: 'user', content: 'hello world' }], 'gpt-4o-mini');
    const long = countPromptTokens(
      [{ role: 'user', content: 'hello world '.repeat(100) }],
      'gpt-4o-mini',
    );
    assert.ok(short >= 2 && short < 20, `short prompt counted ${short}`);
    assert.ok(long > short + 150, `long prompt counted ${long}`);
  });

  it('still counts a model the tokenizer does not know (a local server model)', () => {
    assert.ok(countPromptTokens([{ role: 'user', content: 'hello world' }], 'llama3.1:8b') > 0);
  });

  it('prices with the maintained price table: gpt-4o-mini at $0.15 in / $0.60 out per million', () => {
    assert.ok(Math.abs((priceUsage('gpt-4o-mini', 1_000_000, 0) ?? -1) - 0.15) < 1e-9);
    assert.ok(Math.abs((priceUsage('gpt-4o-mini', 0, 1_000_000) ?? -1) - 0.6) < 1e-9);
    assert.equal(priceUsage('llama3.1:8b', 1000, 1000), undefined);
  });

  it('estimates the worst case (all output tokens used) and compares it to the limit', () => {
    const estimate = estimateRequestCost(
      [{ role: 'user', content: 'explain B602' }],
      'gpt-4o',
      10_000,
    );
    // 10k output tokens of gpt-4o cost $0.10; the prompt adds a little.
    assert.ok(estimate.maxCostUsd !== undefined && estimate.maxCostUsd > 0.1);
    assert.ok(estimate.maxCostUsd < 0.11);
    assert.equal(exceedsLimit(estimate, 0.05), true);
    assert.equal(exceedsLimit(estimate, 1), false);
    assert.match(describeEstimate(estimate), /tokens in, up to 10,000 out, at most \$0\.10/);
  });

  it('never asks to confirm an unpriced model: there is no price to compare', () => {
    const estimate = estimateRequestCost([{ role: 'user', content: 'x' }], 'llama3.1:8b', 1000);
    assert.equal(estimate.maxCostUsd, undefined);
    assert.equal(exceedsLimit(estimate, 0), false);
    assert.match(describeEstimate(estimate), /no known price for llama3\.1:8b/);
  });
});
