// Benchmark: provider construction, cached status lookups, and 100 concurrent Validate calls
// against the local OpenAI-compatible server (test/servers/openai). The seed project reported
// about 311 µs per provider initialisation, 117 ns per cached connection check and over 80%
// success for concurrent validations; targets: faster than both, and 100% success.
// Run: npx tsx bench/providers.ts (after `npm run build` it also times loading dist/ai-runtime.js).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AiProvider, type AiProviderOptions } from '../src/core/ai/aiProvider';
import { UsageLedger } from '../src/core/ai/usageLedger';
import { noAudit } from '../src/core/audit/auditEvent';
import { silentLogger } from '../src/core/logging/logger';
import { ProviderRegistry } from '../src/core/providers/providerRegistry';
import { MemorySecretStore } from '../src/core/secrets/memorySecretStore';
import { secretKeys } from '../src/core/secrets/secretKeys';
import { OpenAiTestServer } from '../test/servers/openai/openAiTestServer';

const key = 'sk-proj-BenchmarkKey0123456789abcdefgh';
const REPEATS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function options(baseUrl: string): AiProviderOptions {
  const state = new Map<string, unknown>();
  return {
    settings: { baseUrl, model: 'gpt-4o-mini', maxCostPerRequest: 0.05 },
    secrets: new MemorySecretStore({ [secretKeys.ai]: key }),
    usage: new UsageLedger({
      get: (k) => state.get(k),
      update: (k, v) => {
        state.set(k, v);
        return Promise.resolve();
      },
    }),
    audit: noAudit,
    logger: silentLogger,
  };
}

async function constructionMicros(baseUrl: string, count: number): Promise<number> {
  const shared = options(baseUrl);
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const registry = new ProviderRegistry(
      [{ id: 'ai', configurationKey: () => baseUrl, create: () => AiProvider.create(shared) }],
      silentLogger,
    );
    await registry.get('ai');
  }
  return Number(process.hrtime.bigint() - started) / 1000 / count;
}

function statusNanos(registry: ProviderRegistry, count: number): number {
  let connected = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (registry.status('ai')?.kind === 'connected') connected++;
  }
  const nanos = Number(process.hrtime.bigint() - started) / count;
  if (connected !== count) throw new Error('status lookup returned the wrong status');
  return nanos;
}

async function main(): Promise<void> {
  const server = new OpenAiTestServer({ validKeys: [key] });
  const baseUrl = await server.start();
  try {
    // Warm up the JIT and the SDK import (a dynamic import on first use) outside the timings.
    await constructionMicros(baseUrl, 2000);
    const construction = median(
      await Array.from({ length: REPEATS }).reduce<Promise<number[]>>(
        async (all) => [...(await all), await constructionMicros(baseUrl, 10_000)],
        Promise.resolve([]),
      ),
    );

    const registry = new ProviderRegistry(
      [
        {
          id: 'ai',
          configurationKey: () => baseUrl,
          create: () => AiProvider.create(options(baseUrl)),
        },
      ],
      silentLogger,
    );
    await registry.validate('ai');
    statusNanos(registry, 1_000_000);
    const status = median(Array.from({ length: REPEATS }, () => statusNanos(registry, 5_000_000)));

    const before = server.requests.length;
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => registry.validate('ai')),
    );
    const wall = performance.now() - started;
    const succeeded = results.filter(
      (r) => r.status === 'fulfilled' && r.value.kind === 'connected',
    ).length;
    const roundTrips = server.requests.length - before;

    console.log(
      `provider construction (registry + AiProvider.create, no network): ${construction.toFixed(2)} µs each (seed: 311 µs)`,
    );
    console.log(
      `cached status lookup (registry.status): ${status.toFixed(1)} ns each (seed: 117 ns)`,
    );
    console.log(
      `100 concurrent Validate calls: ${succeeded}/100 connected (${succeeded}%), ${roundTrips} GET /v1/models, ${wall.toFixed(0)} ms wall (seed: over 80%)`,
    );

    const runtime = path.resolve(__dirname, '../dist/ai-runtime.js');
    if (existsSync(runtime)) {
      const loads = Array.from({ length: 5 }, () =>
        Number(
          execFileSync(
            process.execPath,
            [
              '-e',
              `const t=performance.now();require(${JSON.stringify(runtime)});console.log(performance.now()-t)`,
            ],
            { encoding: 'utf8' },
          ).trim(),
        ),
      );
      const size = (file: string) => (statSync(file).size / 1024).toFixed(0);
      console.log(
        `dist/ai-runtime.js (openai SDK, tokenizer, prices, loaded on first use): ${size(runtime)} KiB, require ${median(loads).toFixed(0)} ms`,
      );
      console.log(
        `dist/extension.js (loaded at activation): ${size(path.resolve(__dirname, '../dist/extension.js'))} KiB`,
      );
    }
    if (succeeded !== 100) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

void main();
