/** Something a caller can stop listening to. Mirrors vscode.Disposable without importing it. */
export interface Disposable {
  dispose(): void;
}

/**
 * Where credentials live. The extension backs it with VS Code's SecretStorage (the OS
 * keychain), the CLI with environment variables. Providers receive one and never know which.
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  store(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Fires with the key whose value was stored or deleted (here or in another window). */
  onDidChange(listener: (key: string) => void): Disposable;
}
