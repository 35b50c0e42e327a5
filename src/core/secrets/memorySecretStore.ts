import type { Disposable, SecretStore } from './secretStore';

/** A secret store held in memory, for one process: benchmarks, tests and short-lived tools. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  private readonly listeners = new Set<(key: string) => void>();

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [key, value] of Object.entries(initial)) {
      this.values.set(key, value);
    }
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }

  store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.fire(key);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    if (this.values.delete(key)) {
      this.fire(key);
    }
    return Promise.resolve();
  }

  onDidChange(listener: (key: string) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(key: string): void {
    for (const listener of this.listeners) {
      listener(key);
    }
  }
}
