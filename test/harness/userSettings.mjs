// VS Code user settings of a harness run, written before code-server starts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} stateDir the run's state folder (code-server's user data is stateDir/user-data)
 * @param {Record<string, unknown>} settings
 */
export function writeUserSettings(stateDir, settings) {
  const dir = path.join(stateDir, 'user-data', 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * Machine settings of a harness run (code-server's user-data/Machine/settings.json): where
 * machine-scoped settings such as `openpypi.ai.baseUrl` live in a remote window.
 * @param {string} stateDir
 * @param {Record<string, unknown>} settings
 */
export function writeMachineSettings(stateDir, settings) {
  const dir = path.join(stateDir, 'user-data', 'Machine');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}
