import * as assert from 'node:assert/strict';
import {
  aiHost,
  defaultAiSettings,
  isOpenAiEndpoint,
  normalizeAiSettings,
} from '../../../../src/core/ai/aiSettings';
import { UsageLedger, usageStorageKey } from '../../../../src/core/ai/usageLedger';

describe('AI settings', () => {
  it('falls back to the defaults for missing or empty values', () => {
    assert.deepEqual(normalizeAiSettings({}), defaultAiSettings);
    assert.deepEqual(
      normalizeAiSettings({ baseUrl: ' ', model: '', maxCostPerRequest: -1 }),
      defaultAiSettings,
    );
  });

  it('accepts a local OpenAI-compatible server and trims the trailing slash', () => {
    const settings = normalizeAiSettings({
      baseUrl: 'http://127.0.0.1:11434/v1/',
      model: 'llama3.1:8b',
      maxCostPerRequest: 0,
    });
    assert.equal(settings.baseUrl, 'http://127.0.0.1:11434/v1');
    assert.equal(aiHost(settings), '127.0.0.1:11434');
    assert.equal(isOpenAiEndpoint(settings), false);
    assert.equal(settings.maxCostPerRequest, 0);
    assert.equal(isOpenAiEndpoint(defaultAiSettings), true);
  });

  it('names the setting when the URL is wrong', () => {
    assert.throws(
      () => normalizeAiSettings({ baseUrl: 'not a url' }),
      /openpypi\.ai\.baseUrl is not a URL/,
    );
    assert.throws(
      () => normalizeAiSettings({ baseUrl: 'file:///etc/passwd' }),
      /openpypi\.ai\.baseUrl must be an http\(s\) URL/,
    );
  });
});

describe('UsageLedger', () => {
  it('adds up usage per model and month, keeps no text, and starts afresh each month', async () => {
    const values = new Map<string, unknown>();
    const store = {
      get: (key: string) => values.get(key),
      update: (key: string, value: unknown) => {
        values.set(key, value);
        return Promise.resolve();
      },
    };
    let now = new Date('2026-11-30T23:00:00Z');
    const ledger = new UsageLedger(store, () => now);
    await ledger.record('gpt-4o-mini', 1000, 200, 0.00027);
    await ledger.record('gpt-4o-mini', 500, 100, 0.000135);
    await ledger.record('llama3', 10, 10, undefined);
    const [first, second] = ledger.thisMonth();
    assert.equal(first?.[0], 'gpt-4o-mini');
    assert.deepEqual(
      { ...first[1], costUsd: Number(first[1].costUsd.toFixed(6)) },
      {
        requests: 2,
        promptTokens: 1500,
        completionTokens: 300,
        costUsd: 0.000405,
        unpricedRequests: 0,
      },
    );
    assert.equal(second?.[1].unpricedRequests, 1);
    assert.equal(ledger.totalThisMonth().requests, 3);
    now = new Date('2026-12-01T00:00:01Z');
    assert.deepEqual(ledger.thisMonth(), []);
    assert.deepEqual(Object.keys(values.get(usageStorageKey) as object), ['2026-11']);
  });
});
