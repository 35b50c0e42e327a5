import type { Redactor } from '../redaction/redactor';
import type { Disposable, SecretStore } from './secretStore';

/**
 * Wraps a secret store so that every value read or stored is registered with the redactor
 * before anyone can print it, and a deleted value stays registered (an old log line may still
 * quote it). Registration is lazy: a token is known to the redactor from its first read.
 */
export class RedactingSecretStore implements SecretStore {
  constructor(
    private readonly inner: SecretStore,
    private readonly redactor: Redactor,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const value = await this.inner.get(key);
    if (value !== undefined) {
      this.redactor.addSecret(value);
    }
    return value;
  }

  async store(key: string, value: string): Promise<void> {
    this.redactor.addSecret(value);
    await this.inner.store(key, value);
  }

  async delete(key: string): Promise<void> {
    const previous = await this.inner.get(key);
    if (previous !== undefined) {
      this.redactor.addSecret(previous);
    }
    await this.inner.delete(key);
  }

  onDidChange(listener: (key: string) => void): Disposable {
    return this.inner.onDidChange(listener);
  }
}
