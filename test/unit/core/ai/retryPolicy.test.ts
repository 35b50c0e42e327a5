import * as assert from 'node:assert/strict';
import { CancelledError } from '../../../../src/core/errors/cancelledError';
import {
  defaultRetryPolicy,
  parseRetryAfter,
  retryDelayMs,
  withRetry,
  type FailureClass,
} from '../../../../src/core/ai/retryPolicy';

const headers =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];

describe('retry policy', () => {
  it('reads retry-after in seconds, as an HTTP date, and retry-after-ms first', () => {
    assert.equal(parseRetryAfter(headers({ 'retry-after': '7' })), 7000);
    assert.equal(parseRetryAfter(headers({ 'retry-after': '0.5' })), 500);
    const now = Date.parse('2026-11-25T12:00:00Z');
    assert.equal(
      parseRetryAfter(headers({ 'retry-after': 'Wed, 25 Nov 2026 12:00:30 GMT' }), now),
      30_000,
    );
    assert.equal(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' })), 250);
    assert.equal(parseRetryAfter(headers({})), undefined);
    assert.equal(parseRetryAfter(headers({ 'retry-after': 'soon' })), undefined);
  });

  it('waits exactly what retry-after asks for, and gives up when it asks too much', () => {
    const policy = { ...defaultRetryPolicy, maxRetryAfterMs: 10_000 };
    assert.equal(retryDelayMs(1, { retryable: true, retryAfterMs: 3000 }, policy), 3000);
    assert.equal(retryDelayMs(1, { retryable: true, retryAfterMs: 10_001 }, policy), undefined);
  });

  it('backs off exponentially with jitter, capped, and stops after maxAttempts', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300, maxRetryAfterMs: 1000 };
    const retryable: FailureClass = { retryable: true };
    assert.equal(
      retryDelayMs(1, retryable, policy, () => 1),
      100,
    );
    assert.equal(
      retryDelayMs(2, retryable, policy, () => 1),
      200,
    );
    assert.equal(
      retryDelayMs(3, retryable, policy, () => 1),
      300,
    );
    assert.equal(
      retryDelayMs(4, retryable, policy, () => 0),
      150,
    );
    assert.equal(
      retryDelayMs(5, retryable, policy, () => 1),
      undefined,
    );
    assert.equal(retryDelayMs(1, { retryable: false }, policy), undefined);
  });

  it('retries a retryable failure and honours retry-after between attempts', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      () => {
        calls++;
        return calls < 3 ? Promise.reject(new Error(`fail ${calls}`)) : Promise.resolve('ok');
      },
      {
        policy: defaultRetryPolicy,
        classify: () => ({ retryable: true, retryAfterMs: 1234 }),
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    );
    assert.equal(result, 'ok');
    assert.deepEqual(waits, [1234, 1234]);
  });

  it('rethrows a non-retryable failure at once and stops when the signal aborts', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(
        () => {
          calls++;
          return Promise.reject(new Error('bad request'));
        },
        { policy: defaultRetryPolicy, classify: () => ({ retryable: false }) },
      ),
      /bad request/,
    );
    assert.equal(calls, 1);
    const controller = new AbortController();
    await assert.rejects(
      withRetry(
        () => {
          controller.abort();
          return Promise.reject(new Error('boom'));
        },
        {
          policy: defaultRetryPolicy,
          classify: () => ({ retryable: true }),
          signal: controller.signal,
        },
      ),
      CancelledError,
    );
  });
});
