import type * as vscode from 'vscode';
import { describeError } from '../../core/logging/describeError';
import type { Disposable, SecretStore } from '../../core/secrets/secretStore';

/** SecretStorage failed: usually no OS keyring on Linux. The message says what to do. */
export class SecretStorageUnavailableError extends Error {
  /** The provider commands run from a lazily loaded runtime with its own copy of this class. */
  static override [Symbol.hasInstance](value: unknown): value is SecretStorageUnavailableError {
    return value instanceof Error && value.name === 'SecretStorageUnavailableError';
  }

  constructor(cause: unknown) {
    super(
      `VS Code could not use the operating system's keychain (${describeError(cause)}). ` +
        'On Linux, VS Code needs a keyring such as gnome-keyring (libsecret) or KWallet: start one, or choose ' +
        'one with the runtime argument "password-store" (Command Palette: "Preferences: Configure Runtime ' +
        'Arguments", e.g. "password-store": "gnome-libsecret"), then restart VS Code. OpenPypi never falls back ' +
        'to settings or files for tokens.',
    );
    this.name = 'SecretStorageUnavailableError';
  }
}

/** The extension's secret store: VS Code's SecretStorage, backed by the OS keychain. */
export class VscodeSecretStore implements SecretStore {
  constructor(private readonly storage: vscode.SecretStorage) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return await this.storage.get(key);
    } catch (error) {
      throw new SecretStorageUnavailableError(error);
    }
  }

  async store(key: string, value: string): Promise<void> {
    try {
      await this.storage.store(key, value);
    } catch (error) {
      throw new SecretStorageUnavailableError(error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      throw new SecretStorageUnavailableError(error);
    }
  }

  onDidChange(listener: (key: string) => void): Disposable {
    return this.storage.onDidChange((event) => {
      listener(event.key);
    });
  }
}
