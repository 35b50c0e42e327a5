// Installs the harness (code-server, Node 24, playwright-core) on first use and caches it.
// Run directly (`node test/harness/ensure.mjs`) or call ensureHarness() before a run.
//
// The steps are the measured recipe of /work/shared/notes/real-vscode-here.md:
//   1. `npm ci --ignore-scripts` in this folder (a plain install fails building argon2);
//   2. `npm rebuild argon2` (code-server's password hashing; a native addon);
//   3. `sh postinstall.sh` in node_modules/code-server with Node 24 first on PATH and
//      npm_config_nodedir set to its headers: it installs lib/vscode's own dependencies,
//      whose native addons are approved in lib/vscode's own `allowScripts`.
// A marker holding the hash of package-lock.json records success, so later runs skip all this.
// A symlinked node_modules (a worktree sharing another tree's harness) is never installed
// into: the run stops with what is wrong and how to fix it (symlinkedNodeModules.mjs).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cacheDir,
  codeServerDir,
  codeServerEntry,
  harnessDir,
  harnessLock,
  node24Bin,
  node24Dir,
  readyMarker,
} from './harnessPaths.mjs';
import { symlinkedNodeModulesProblem } from './symlinkedNodeModules.mjs';

function lockHash() {
  return createHash('sha256').update(readFileSync(harnessLock)).digest('hex');
}

/** @returns {boolean} true when the harness is installed for the current lock file. */
export function harnessIsReady() {
  return (
    existsSync(readyMarker) &&
    existsSync(codeServerEntry) &&
    existsSync(node24Bin) &&
    readFileSync(readyMarker, 'utf8').trim() === lockHash()
  );
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 */
function run(command, args, options) {
  return new Promise((resolve, reject) => {
    console.log(
      `[harness] ${path.relative(harnessDir, options.cwd) || '.'}$ ${command} ${args.join(' ')}`,
    );
    const child = spawn(command, args, { ...options, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(undefined);
      else
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` in ${options.cwd} failed (${signal ?? `exit code ${code}`}). ` +
              'Native addons need g++, make, python3 and libkrb5-dev (apt-get install -y g++ make python3 libkrb5-dev); ' +
              'fix the cause above and run `node test/harness/ensure.mjs` again.',
          ),
        );
    });
  });
}

/**
 * Installs the harness when it is missing or its lock file changed. Safe to call every run.
 * @param {{ force?: boolean }} [options]
 * @returns {Promise<{ installed: boolean, seconds: number }>}
 */
export async function ensureHarness(options = {}) {
  if (!options.force && harnessIsReady()) return { installed: false, seconds: 0 };
  // Never `npm ci` through a symlinked node_modules: it would wipe the tree it points into.
  const problem = symlinkedNodeModulesProblem(harnessDir);
  if (problem !== undefined) throw new Error(problem);
  const release = await takeInstallLock();
  try {
    // Another run may have finished installing while this one waited for the lock.
    if (!options.force && harnessIsReady()) return { installed: false, seconds: 0 };
    return await install();
  } finally {
    release();
  }
}

const installLock = path.join(cacheDir, 'installing');

/**
 * One install at a time, also across processes (two test runs started together): a lock folder
 * holding the owner's pid; a lock whose owner is gone is taken over.
 * @returns {Promise<() => void>} releases the lock
 */
async function takeInstallLock() {
  mkdirSync(cacheDir, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(installLock);
      writeFileSync(path.join(installLock, 'pid'), String(process.pid));
      return () => rmSync(installLock, { recursive: true, force: true });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const owner = Number(
      readFileSync(path.join(installLock, 'pid'), { encoding: 'utf8', flag: 'a+' }),
    );
    if (owner > 0 && !isRunning(owner)) {
      rmSync(installLock, { recursive: true, force: true });
      continue;
    }
    if (!announced) console.log(`[harness] waiting for another install (pid ${owner || '?'})`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** @returns {Promise<{ installed: boolean, seconds: number }>} */
async function install() {
  const started = Date.now();
  console.log(
    '[harness] installing code-server, Node 24 and playwright-core (first use; a few minutes)',
  );
  const env = { ...process.env };
  // When called from an npm script, npm's own variables would point the nested npm commands at
  // the repository's package.json (local_prefix) and the wrong Node (user agent): drop them.
  for (const key of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|command$|execpath$|node_execpath$)/.test(key)) delete env[key];
  }
  delete env.npm_config_local_prefix;
  delete env.npm_config_user_agent;
  await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: harnessDir, env });

  // From here on Node 24 is first on PATH, so npm itself and every build run on Node 24.
  const node24Env = {
    ...env,
    PATH: `${path.dirname(node24Bin)}${path.delimiter}${env.PATH ?? ''}`,
    npm_config_nodedir: node24Dir,
    npm_config_user_agent: `npm/11 node/${await node24Version()} linux x64`,
  };
  await run('npm', ['rebuild', 'argon2', '--foreground-scripts'], {
    cwd: harnessDir,
    env: node24Env,
  });
  await run('sh', ['postinstall.sh'], { cwd: codeServerDir, env: node24Env });

  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(readyMarker, `${lockHash()}\n`);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`[harness] ready after ${seconds} s`);
  return { installed: true, seconds };
}

/** @returns {Promise<string>} e.g. v24.21.0 */
function node24Version() {
  return new Promise((resolve, reject) => {
    const child = spawn(node24Bin, ['--version'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`${node24Bin} --version failed`)),
    );
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const force = process.argv.includes('--force');
  ensureHarness({ force }).catch((error) => {
    console.error(`[harness] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
