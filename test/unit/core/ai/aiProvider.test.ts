import * as assert from 'node:assert/strict';
import { AiProvider } from '../../../../src/core/ai/aiProvider';
import type { AuditEvent } from '../../../../src/core/audit/auditEvent';
import { silentLogger } from '../../../../src/core/logging/logger';
import { NotConfiguredError } from '../../../../src/core/providers/notConfiguredError';
import { secretKeys } from '../../../../src/core/secrets/secretKeys';
import { MemorySecretStore } from '../../../../src/core/secrets/memorySecretStore';
import { UsageLedger, usageStorageKey } from '../../../../src/core/ai/usageLedger';
import { OpenAiTestServer } from '../../../servers/openai/openAiTestServer';

const goodKey = 'sk-proj-ProviderContractKey0123456789';

class MapStore {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('AiProvider (the provider contract)', () => {
  const server = new OpenAiTestServer({ validKeys: [goodKey] });
  before(async () => {
    await server.start();
  });
  after(async () => {
    await server.stop();
  });

  function provider(secrets: MemorySecretStore, model = 'gpt-4o-mini') {
    const events: AuditEvent[] = [];
    const store = new MapStore();
    const options = {
      settings: { baseUrl: server.baseUrl, model, maxCostPerRequest: 0.05 },
      secrets,
      usage: new UsageLedger(store, () => new Date('2026-11-25T12:00:00Z')),
      audit: {
        record: (event: AuditEvent) => {
          events.push(event);
          return Promise.resolve();
        },
      },
      logger: silentLogger,
      sleep: () => Promise.resolve(),
    };
    return { create: () => AiProvider.create(options), events, store };
  }

  it('is "not configured" without a key, and a request says so with NotConfiguredError', async () => {
    const ai = await provider(new MemorySecretStore()).create();
    assert.equal(ai.id, 'ai');
    assert.ok(ai.capabilities.includes('explain-finding'));
    assert.equal(ai.status.kind, 'not-configured');
    assert.deepEqual(ai.details(), []);
    const request = {
      purpose: 'explain-finding' as const,
      messages: [{ role: 'user' as const, content: 'x' }],
      maxOutputTokens: 10,
    };
    await assert.rejects(ai.send(request, await ai.estimate(request)), NotConfiguredError);
  });

  it('validates a stored key with one round trip: connected as the model at the host', async () => {
    const ai = await provider(new MemorySecretStore({ [secretKeys.ai]: goodKey })).create();
    assert.equal(ai.status.kind, 'connected');
    const before = server.requests.length;
    const status = await ai.validate();
    assert.equal(server.requests.length, before + 1);
    assert.deepEqual(status, {
      kind: 'connected',
      who: 'gpt-4o-mini',
      detail: new URL(server.baseUrl).host,
    });
    assert.deepEqual(ai.status, status);
    const models = ai.details().find((d) => d.id === 'ai.models');
    assert.deepEqual(
      models?.children?.map((c) => c.label),
      ['gpt-4o', 'gpt-4o-mini'],
    );
  });

  it('turns a rejected key or a missing model into an error status with the reason', async () => {
    const bad = await provider(
      new MemorySecretStore({ [secretKeys.ai]: 'sk-proj-WrongKey0123456789abcd' }),
    ).create();
    const status = await bad.validate();
    assert.equal(status.kind, 'error');
    assert.match(status.reason, /^Invalid key/);
    const missing = await provider(
      new MemorySecretStore({ [secretKeys.ai]: goodKey }),
      'gpt-9',
    ).create();
    const second = await missing.validate();
    assert.match(second.kind === 'error' ? second.reason : '', /Model not found: "gpt-9"/);
  });

  it('tells an unreachable server from a rejected key (sign-in offers "store anyway")', async () => {
    server.failNext({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const ai = await provider(new MemorySecretStore()).create();
    const check = await ai.check(goodKey);
    assert.equal(check.verdict, 'unreachable');
    assert.match(check.status.kind === 'error' ? check.status.reason : '', /failed \(500\)/);
  });

  it('checks a candidate key without storing it', async () => {
    const secrets = new MemorySecretStore();
    const ai = await provider(secrets).create();
    const accepted = await ai.check(goodKey);
    assert.equal(accepted.verdict, 'accepted');
    assert.equal(accepted.status.kind, 'connected');
    const rejected = await ai.check('sk-proj-Nope0123456789abcdefgh');
    assert.equal(rejected.verdict, 'rejected');
    assert.equal(rejected.status.kind, 'error');
    assert.equal(await secrets.get(secretKeys.ai), undefined);
  });

  it('sends a request, records usage per model and an audit event with counts, no text', async () => {
    const { create, events, store } = provider(new MemorySecretStore({ [secretKeys.ai]: goodKey }));
    const ai = await create();
    server.respond = () => 'Use subprocess.run with a list.';
    const request = {
      purpose: 'explain-finding' as const,
      messages: [{ role: 'user' as const, content: 'SECRET-PROMPT-TEXT explain B602' }],
      maxOutputTokens: 50,
    };
    const answer = await ai.send(request, await ai.estimate(request));
    assert.equal(answer.text, 'Use subprocess.run with a list.');
    assert.ok(answer.costUsd !== undefined && answer.costUsd > 0);
    const event = events.at(-1);
    assert.equal(event?.type, 'ai.request');
    assert.equal(event.outcome, 'completed');
    assert.ok(!JSON.stringify(events).includes('SECRET-PROMPT-TEXT'));
    assert.ok(!JSON.stringify(store.values.get(usageStorageKey)).includes('SECRET-PROMPT-TEXT'));
    const usage = ai.details().find((d) => d.id === 'ai.usage');
    assert.match(usage?.description ?? '', /^\d+ tokens · <?\$0\.0/);
    assert.equal(usage?.children?.[0]?.label, 'gpt-4o-mini');
  });

  it('audits a failed request and marks the provider in error on an invalid key', async () => {
    const { create, events } = provider(
      new MemorySecretStore({ [secretKeys.ai]: 'sk-proj-Revoked0123456789abcdef' }),
    );
    const ai = await create();
    const request = {
      purpose: 'review-file' as const,
      messages: [{ role: 'user' as const, content: 'x' }],
      maxOutputTokens: 5,
    };
    await assert.rejects(ai.send(request, await ai.estimate(request)), /Invalid key/);
    assert.equal(ai.status.kind, 'error');
    const event = events.at(-1);
    assert.equal(event?.type === 'ai.request' ? event.outcome : '', 'failed');
  });
});
