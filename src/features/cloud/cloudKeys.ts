import type * as vscode from 'vscode';
import type { SecretStore } from '../../core/secrets/secretStore';

const namesKey = 'openpypi.cloud.storedKeyNames';

/**
 * Keys a person chooses to keep for their cloud work. Values live only in SecretStorage; the
 * names (not secret) are listed in globalState so the view can show them without reading a value.
 */
export class CloudKeys {
  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: SecretStore,
  ) {}

  names(): string[] {
    const names = this.state.get<unknown>(namesKey);
    return Array.isArray(names)
      ? names.filter((name): name is string => typeof name === 'string')
      : [];
  }

  static secretKey(name: string): string {
    return `openpypi.cloud.key.${name}`;
  }

  async store(name: string, value: string): Promise<void> {
    await this.secrets.store(CloudKeys.secretKey(name), value);
    const names = new Set(this.names());
    names.add(name);
    await this.state.update(namesKey, [...names].sort());
  }

  async remove(name: string): Promise<void> {
    await this.secrets.delete(CloudKeys.secretKey(name));
    await this.state.update(
      namesKey,
      this.names().filter((existing) => existing !== name),
    );
  }
}
