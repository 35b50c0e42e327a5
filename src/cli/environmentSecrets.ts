import type { Redactor } from '../core/redaction/redactor';

const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?)/i;

/**
 * Tells the redactor the values of environment variables whose names say they hold secrets
 * (`SAFETY_API_KEY`, `GITHUB_TOKEN`, ...), so that those values never reach stderr or a SARIF
 * log even when a tool echoes them. Returns the names registered.
 */
export function registerEnvironmentSecrets(redactor: Redactor, env: NodeJS.ProcessEnv): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '' && SECRET_NAME.test(name)) {
      redactor.addSecret(value);
      names.push(name);
    }
  }
  return names;
}
