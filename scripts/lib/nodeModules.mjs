// The project's npm dependencies: `npm ci` when node_modules is missing or older than the lock.
// A symlinked node_modules (a worktree sharing another tree's dependencies) is never installed
// into: `npm ci` through the link would empty the folder it points to, and every tree using it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { nodeModulesLinkTarget } from '../../test/harness/symlinkedNodeModules.mjs';
import { runCommand } from './runCommand.mjs';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** @param {string} root @returns {string} */
const lockOf = (root) => path.join(root, 'package-lock.json');

/**
 * Whether `root`'s node_modules was installed from its package-lock.json as it is now.
 * @param {string} root
 */
function installedFromLock(root) {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  return existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockOf(root)).mtimeMs;
}

/** @param {string} a @param {string} b */
function sameContent(a, b) {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/**
 * @param {string} [root] the tree whose dependencies to install (default: this repository)
 * @returns {Promise<boolean>} true when it ran `npm ci`
 */
export async function ensureNodeModules(root = repoRoot) {
  if (installedFromLock(root)) return false;
  const shared = nodeModulesLinkTarget(root);
  if (shared !== undefined) {
    const owner = path.dirname(shared);
    // A worktree checked out after the shared install has a newer lock of the same content.
    if (sameContent(lockOf(root), lockOf(owner)) && installedFromLock(owner)) return false;
    const link = path.join(root, 'node_modules');
    throw new Error(
      `${link} is a symlink to ${shared}, which was not installed from this tree's package-lock.json. ` +
        'Running `npm ci` here would empty that shared folder, so nothing was installed. ' +
        `Run \`npm ci\` in ${owner} when both trees have the same package-lock.json; ` +
        `or give this tree its own dependencies: \`rm ${link}\` (removes only the link), then run again.`,
    );
  }
  await runCommand('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
  return true;
}
