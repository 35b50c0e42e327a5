// A worktree shares another tree's harness through a symlinked test/harness/node_modules (and
// .cache). Installing through that link would make `npm ci` empty the other tree's copy (and
// every run that uses it), so the install refuses and says what to do instead. The project's own
// node_modules gets the same guard (scripts/lib/nodeModules.mjs).
import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} dir a folder with a node_modules
 * @returns {string | undefined} where its node_modules points when it is a symlink
 */
export function nodeModulesLinkTarget(dir) {
  const link = path.join(dir, 'node_modules');
  try {
    if (!lstatSync(link).isSymbolicLink()) return undefined;
  } catch {
    return undefined;
  }
  return path.resolve(dir, readlinkSync(link));
}

/**
 * @param {string} harnessDir the folder holding the harness's package.json and node_modules
 * @returns {string | undefined} why installing there is refused, or undefined when it is safe
 */
export function symlinkedNodeModulesProblem(harnessDir) {
  const target = nodeModulesLinkTarget(harnessDir);
  if (target === undefined) return undefined;
  const link = path.join(harnessDir, 'node_modules');
  const owner = path.dirname(target);
  return (
    `${link} is a symlink to ${target}, and the harness there is missing or does not match this tree's test/harness/package-lock.json. ` +
    'Installing here would run `npm ci` through the link and wipe that shared copy, so nothing was installed. ' +
    `Fix it in the tree that owns it: \`node ${path.join(owner, 'ensure.mjs')}\` ` +
    `(or \`npm run test:harness\` in ${path.resolve(owner, '..', '..')}), then run again here; ` +
    `or give this tree its own harness: \`rm ${link}\` (removes only the link) and run ` +
    '`node test/harness/ensure.mjs` here (a first install takes 15 minutes or more).'
  );
}
