// The project's npm dependencies: `npm ci` when node_modules is missing or older than the lock.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from './runCommand.mjs';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** @returns {Promise<boolean>} true when it ran `npm ci` */
export async function ensureNodeModules() {
  const installed = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const lock = path.join(repoRoot, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return false;
  await runCommand('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot });
  return true;
}
