import type { Disposable, SecretStore } from './secretStore';

/** No value was written or seen for the key yet: any change of it counts as made elsewhere. */
const unknown = Symbol('unknown');

/**
 * A secret store that tells a change made elsewhere (another window) from the echo of a write
 * made through it. VS Code's SecretStorage reports every store and delete to every window, the
 * writing one included and after its write resolved; a provider rebuilt on the echo of its own
 * sign-in forgets the status that sign-in just checked. A change counts as made elsewhere when
 * the value stored now differs from the last one written or seen through this store.
 */
export class OwnWritesSecretStore implements SecretStore {
  private readonly known = new Map<string, string | undefined | typeof unknown>();

  constructor(private readonly inner: SecretStore) {}

  get(key: string): Promise<string | undefined> {
    return this.inner.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.known.set(key, value);
    try {
      await this.inner.store(key, value);
    } catch (error) {
      this.known.set(key, unknown);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    this.known.set(key, undefined);
    try {
      await this.inner.delete(key);
    } catch (error) {
      this.known.set(key, unknown);
      throw error;
    }
  }

  /** Every change, made here or elsewhere (the SecretStore contract). */
  onDidChange(listener: (key: string) => void): Disposable {
    return this.inner.onDidChange(listener);
  }

  /**
   * Every change with where it was made: `here` for the echo of a write through this store,
   * `elsewhere` when the value stored now differs from the last one written or seen here (a
   * value that cannot be read counts as changed elsewhere).
   */
  onDidChangeWithOrigin(listener: (key: string, origin: 'here' | 'elsewhere') => void): Disposable {
    return this.inner.onDidChange((key) => {
      void this.changedElsewhere(key).then((elsewhere) => {
        listener(key, elsewhere ? 'elsewhere' : 'here');
      });
    });
  }

  private async changedElsewhere(key: string): Promise<boolean> {
    let current: string | undefined | typeof unknown;
    try {
      current = await this.inner.get(key);
    } catch {
      current = unknown;
    }
    const known = this.known.has(key) ? this.known.get(key) : unknown;
    if (current !== unknown && current === known) return false;
    this.known.set(key, current);
    return true;
  }
}
