import * as assert from 'node:assert/strict';
import { AiRequestError } from '../../../../src/core/ai/aiRequestError';
import { OpenAiClient } from '../../../../src/core/ai/openAiClient';
import { CancelledError } from '../../../../src/core/errors/cancelledError';
import { silentLogger } from '../../../../src/core/logging/logger';
import { OpenAiTestServer } from '../../../servers/openai/openAiTestServer';

const goodKey = 'sk-test-GOODkey0123456789abcdef';

describe('OpenAiClient against a local OpenAI-compatible server', () => {
  const server = new OpenAiTestServer({ validKeys: [goodKey] });
  const waits: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return Promise.resolve();
  };
  const client = (apiKey = goodKey): Promise<OpenAiClient> =>
    OpenAiClient.connect({ apiKey, baseUrl: server.baseUrl, logger: silentLogger, sleep });

  before(async () => {
    await server.start();
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(() => {
    waits.length = 0;
    server.requests.length = 0;
    server.respond = (body) => `Answer to ${body.messages.length} messages.`;
  });

  it('lists models with GET /v1/models and sends the key as a bearer token', async () => {
    assert.deepEqual(await (await client()).listModels(), ['gpt-4o', 'gpt-4o-mini']);
    assert.equal(server.requests[0]?.path, '/v1/models');
    assert.equal(server.requests[0].authorization, `Bearer ${goodKey}`);
  });

  it('streams a chat completion piece by piece and reads the usage chunk', async () => {
    server.respond = () => 'B602 runs a shell; pass an argument list instead of shell=True.';
    const deltas: string[] = [];
    const result = await (
      await client()
    ).streamChat(
      {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'explain' }],
        maxOutputTokens: 100,
      },
      { onDelta: (text) => deltas.push(text) },
    );
    assert.equal(result.text, 'B602 runs a shell; pass an argument list instead of shell=True.');
    assert.ok(deltas.length > 2, `only ${deltas.length} deltas`);
    assert.equal(deltas.join(''), result.text);
    assert.equal(result.finishReason, 'stop');
    assert.ok(result.usage && result.usage.completionTokens > 0);
    const body = server.chatRequests()[0];
    assert.equal(body?.stream, true);
    assert.equal(body.max_completion_tokens, 100);
  });

  it('answers without streaming too', async () => {
    const result = await (
      await client()
    ).chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], maxOutputTokens: 10 });
    assert.equal(result.text, 'Answer to 1 messages.');
    assert.equal(server.chatRequests()[0]?.stream, undefined);
  });

  it('says "invalid key" on 401 without echoing the key', async () => {
    const rejected = 'sk-test-BADkey0123456789abcdefgh';
    await assert.rejects((await client(rejected)).listModels(), (error: unknown) => {
      assert.ok(error instanceof AiRequestError);
      assert.equal(error.kind, 'invalid-key');
      assert.match(error.message, /^Invalid key: 127\.0\.0\.1:\d+ rejected the API key \(401\)/);
      assert.ok(!error.message.includes('BADkey'));
      return true;
    });
    assert.deepEqual(waits, [], 'a 401 is not retried');
  });

  it('says "model not found" on 404', async () => {
    await assert.rejects(
      (await client()).streamChat({
        model: 'gpt-9-imaginary',
        messages: [{ role: 'user', content: 'x' }],
        maxOutputTokens: 5,
      }),
      (error: unknown) =>
        error instanceof AiRequestError &&
        error.kind === 'model-not-found' &&
        error.message.includes('"gpt-9-imaginary" is not available'),
    );
  });

  it('retries 429 after the retry-after the server sent, then succeeds', async () => {
    server.failNext({ status: 429, retryAfter: 2 }, { status: 500 });
    const retries: string[] = [];
    const result = await (
      await client()
    ).streamChat(
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], maxOutputTokens: 5 },
      { onRetry: (attempt, _delay, error) => retries.push(`${attempt}:${error.kind}`) },
    );
    assert.equal(result.text, 'Answer to 1 messages.');
    assert.equal(waits[0], 2000, 'waited the 2 s retry-after');
    assert.equal(waits.length, 2);
    assert.deepEqual(retries, ['1:rate-limited', '2:server-error']);
  });

  it('gives up at once when retry-after is longer than the policy allows: "retry in N s"', async () => {
    server.failNext({ status: 429, retryAfter: 120 });
    await assert.rejects((await client()).listModels(), (error: unknown) => {
      assert.ok(error instanceof AiRequestError);
      assert.equal(error.kind, 'rate-limited');
      assert.match(error.message, /^Rate limited by 127\.0\.0\.1:\d+, retry in 120 s/);
      return true;
    });
    assert.deepEqual(waits, []);
  });

  it('stops retrying 5xx after the bounded number of attempts', async () => {
    server.failNext({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    await assert.rejects(
      (await client()).listModels(),
      (error: unknown) => error instanceof AiRequestError && error.kind === 'server-error',
    );
    assert.equal(server.requests.length, 4);
    assert.equal(waits.length, 3);
  });

  it('reports an unreachable server clearly', async () => {
    const offline = await OpenAiClient.connect({
      apiKey: goodKey,
      baseUrl: 'http://127.0.0.1:9/v1',
      logger: silentLogger,
      sleep,
      retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
    });
    await assert.rejects(
      offline.listModels(),
      (error: unknown) =>
        error instanceof AiRequestError &&
        error.kind === 'unreachable' &&
        error.message.includes('Cannot reach 127.0.0.1:9'),
    );
  });

  it('is cancellable', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects((await client()).listModels(controller.signal), CancelledError);
  });
});
