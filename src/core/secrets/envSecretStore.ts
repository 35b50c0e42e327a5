import type { Disposable, SecretStore } from './secretStore';
import { secretEnvironmentVariables } from './secretKeys';

/**
 * The CLI's secret store: read-only environment variables. Storing is refused with a message
 * naming the variable to set, because a command-line tool must not write tokens anywhere.
 */
export class EnvSecretStore implements SecretStore {
  constructor(
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
    private readonly variables: Readonly<
      Record<string, readonly string[]>
    > = secretEnvironmentVariables,
  ) {}

  get(key: string): Promise<string | undefined> {
    for (const name of this.variables[key] ?? []) {
      const value = this.env[name]?.trim();
      if (value) {
        return Promise.resolve(value);
      }
    }
    return Promise.resolve(undefined);
  }

  store(key: string): Promise<void> {
    return Promise.reject(new Error(this.readOnlyMessage(key)));
  }

  delete(key: string): Promise<void> {
    return Promise.reject(new Error(this.readOnlyMessage(key)));
  }

  onDidChange(): Disposable {
    // The environment of a running process does not change under it.
    return { dispose: () => undefined };
  }

  private readOnlyMessage(key: string): string {
    const names = this.variables[key] ?? [];
    return names.length > 0
      ? `The command-line tool reads ${key} from the environment: set ${names.join(' or ')}.`
      : `The command-line tool cannot store ${key}: no environment variable is defined for it.`;
  }
}
