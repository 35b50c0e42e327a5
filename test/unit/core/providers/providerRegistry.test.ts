import * as assert from 'node:assert/strict';
import { silentLogger } from '../../../../src/core/logging/logger';
import type { Provider } from '../../../../src/core/providers/provider';
import type { ProviderId } from '../../../../src/core/providers/providerId';
import {
  ProviderRegistry,
  type ProviderFactory,
} from '../../../../src/core/providers/providerRegistry';
import {
  connected,
  notConfigured,
  type ProviderStatus,
} from '../../../../src/core/providers/providerStatus';

/** A small real provider: its status is data and validate flips it. */
class CountingProvider implements Provider {
  readonly label = 'Counting';
  readonly capabilities = [];
  status: ProviderStatus = notConfigured('sign in');
  disposed = false;
  constructor(
    readonly id: ProviderId,
    readonly generation: number,
  ) {}
  validate(): Promise<ProviderStatus> {
    this.status = connected('someone', `generation ${this.generation}`);
    return Promise.resolve(this.status);
  }
  details(): [] {
    return [];
  }
  dispose(): void {
    this.disposed = true;
  }
}

function factory(id: ProviderId, settings: { value: string }) {
  const built: CountingProvider[] = [];
  const f: ProviderFactory = {
    id,
    configurationKey: () => settings.value,
    create: () => {
      const provider = new CountingProvider(id, built.length + 1);
      built.push(provider);
      return Promise.resolve(provider);
    },
  };
  return { f, built };
}

describe('ProviderRegistry', () => {
  it('builds a provider lazily, once, even for concurrent callers', async () => {
    const { f, built } = factory('ai', { value: 'a' });
    const registry = new ProviderRegistry([f], silentLogger);
    assert.equal(built.length, 0, 'nothing is built before first use');
    assert.equal(registry.status('ai'), undefined);
    const [one, two] = await Promise.all([registry.get('ai'), registry.get('ai')]);
    assert.equal(one, two);
    assert.equal(built.length, 1);
    assert.equal(await registry.get('ai'), one);
    assert.deepEqual(registry.status('ai'), notConfigured('sign in'));
  });

  it('serves the cached status after validation and tells listeners', async () => {
    const { f } = factory('ai', { value: 'a' });
    const registry = new ProviderRegistry([f], silentLogger);
    const changed: ProviderId[] = [];
    registry.onDidChange((id) => changed.push(id));
    await registry.validate('ai');
    assert.deepEqual(registry.status('ai'), connected('someone', 'generation 1'));
    assert.deepEqual(changed, ['ai']);
  });

  it('rebuilds a provider whose settings changed and disposes the old one', async () => {
    const settings = { value: 'https://api.openai.com/v1|gpt-4o-mini' };
    const { f, built } = factory('ai', settings);
    const registry = new ProviderRegistry([f], silentLogger);
    const first = await registry.get('ai');
    settings.value = 'http://127.0.0.1:11434/v1|llama3';
    const second = await registry.get('ai');
    assert.notEqual(first, second);
    assert.equal(built[0]?.disposed, true);
    assert.equal(built[1]?.disposed, false);
  });

  it('rebuilds after invalidate (a token was stored or removed)', async () => {
    const { f, built } = factory('ai', { value: 'a' });
    const registry = new ProviderRegistry([f], silentLogger);
    await registry.get('ai');
    registry.invalidate('ai');
    assert.equal(registry.peek('ai'), undefined);
    assert.equal(built[0]?.disposed, true);
    await registry.get('ai');
    assert.equal(built.length, 2);
  });

  it('does not cache a failed build, and names a provider it does not have', async () => {
    let attempts = 0;
    const registry = new ProviderRegistry(
      [
        {
          id: 'ai',
          configurationKey: () => '',
          create: () => {
            attempts++;
            return attempts === 1
              ? Promise.reject(new Error('The setting openpypi.ai.baseUrl is not a URL'))
              : Promise.resolve(new CountingProvider('ai', attempts));
          },
        },
      ],
      silentLogger,
    );
    await assert.rejects(registry.get('ai'), /openpypi\.ai\.baseUrl/);
    assert.equal((await registry.get('ai')).id, 'ai');
    await assert.rejects(registry.get('github'), /No provider "github"/);
  });

  it('disposes everything it built', async () => {
    const { f, built } = factory('ai', { value: 'a' });
    const registry = new ProviderRegistry([f], silentLogger);
    await registry.get('ai');
    registry.dispose();
    assert.equal(built[0]?.disposed, true);
  });
});
