import type { Disposable } from '../secrets/secretStore';
import { describeError } from '../logging/describeError';
import type { Logger } from '../logging/logger';
import type { Provider } from './provider';
import type { ProviderId } from './providerId';
import type { ProviderStatus } from './providerStatus';

/** How the registry makes one provider: lazily, on first use (the SDK is imported then). */
export interface ProviderFactory {
  readonly id: ProviderId;
  /**
   * A string that changes when the provider's settings change (e.g. base URL and model). The
   * registry rebuilds a provider whose key moved since it was built.
   */
  configurationKey(): string;
  create(): Promise<Provider>;
}

interface Entry {
  readonly key: string;
  readonly pending: Promise<Provider>;
  resolved?: Provider;
}

/**
 * Builds providers on first use, caches them, rebuilds one whose settings or credentials
 * changed, and disposes what it replaced. `status()` is a cached, synchronous lookup.
 */
export class ProviderRegistry {
  private readonly factories = new Map<ProviderId, ProviderFactory>();
  private readonly entries = new Map<ProviderId, Entry>();
  private readonly listeners = new Set<(id: ProviderId) => void>();

  constructor(
    factories: readonly ProviderFactory[],
    private readonly logger: Logger,
  ) {
    for (const factory of factories) {
      this.factories.set(factory.id, factory);
    }
  }

  has(id: ProviderId): boolean {
    return this.factories.has(id);
  }

  /** The provider, built on first call and cached; rebuilt when its configuration changed. */
  get(id: ProviderId): Promise<Provider> {
    const factory = this.factories.get(id);
    if (!factory) {
      return Promise.reject(new Error(`No provider "${id}" is available in this version.`));
    }
    const key = factory.configurationKey();
    const existing = this.entries.get(id);
    if (existing?.key === key) {
      return existing.pending;
    }
    if (existing) {
      this.drop(id, existing);
    }
    const entry: Entry = {
      key,
      // A factory that throws synchronously (a bad setting) still yields a rejected promise.
      pending: new Promise<Provider>((resolve) => {
        resolve(factory.create());
      }).then(
        (provider) => {
          if (this.entries.get(id) === entry) {
            entry.resolved = provider;
          } else {
            provider.dispose(); // replaced while it was being built
          }
          return provider;
        },
        (error: unknown) => {
          if (this.entries.get(id) === entry) {
            this.entries.delete(id);
          }
          this.logger.error(`Building the ${id} provider failed`, error);
          throw error;
        },
      ),
    };
    this.entries.set(id, entry);
    return entry.pending;
  }

  /** The built provider, if any, without building it. */
  peek(id: ProviderId): Provider | undefined {
    return this.entries.get(id)?.resolved;
  }

  /** The cached status of a built provider; undefined when it was not built yet. */
  status(id: ProviderId): ProviderStatus | undefined {
    return this.entries.get(id)?.resolved?.status;
  }

  /** Validates the provider (one round trip) and tells listeners its status may have moved. */
  async validate(id: ProviderId, signal?: AbortSignal): Promise<ProviderStatus> {
    const provider = await this.get(id);
    try {
      return await provider.validate(signal);
    } finally {
      this.fire(id);
    }
  }

  /** Forget a provider (its credentials or settings changed); the next get() rebuilds it. */
  invalidate(id: ProviderId): void {
    const entry = this.entries.get(id);
    if (entry) {
      this.drop(id, entry);
    }
    this.fire(id);
  }

  onDidChange(listener: (id: ProviderId) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    for (const [id, entry] of [...this.entries]) {
      this.drop(id, entry);
    }
    this.listeners.clear();
  }

  private drop(id: ProviderId, entry: Entry): void {
    this.entries.delete(id);
    if (entry.resolved) {
      this.disposeQuietly(id, entry.resolved);
    }
  }

  private disposeQuietly(id: ProviderId, provider: Provider): void {
    try {
      provider.dispose();
    } catch (error) {
      this.logger.warn(`Disposing the ${id} provider failed: ${describeError(error)}`);
    }
  }

  private fire(id: ProviderId): void {
    for (const listener of this.listeners) {
      listener(id);
    }
  }
}
