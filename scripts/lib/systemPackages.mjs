// The Debian packages the tests and `npm start` need, installed with apt-get when missing (as
// root), or named with the command to run (otherwise).
import { spawnSync } from 'node:child_process';
import { runCommand } from './runCommand.mjs';

/**
 * chromium: the browser that shows the workbench; bandit: the scanner the demo is scanned with;
 * g++, make, python3, libkrb5-dev: to build code-server's native addons on first use;
 * docker.io, busybox-static: the test Docker engine and the static busybox its test images hold;
 * postgresql, python3-alembic, python3-sqlalchemy, python3-psycopg2 (SQLAlchemy's PostgreSQL driver):
 * the Database provider's real server and the Alembic it runs;
 * python3-validate-pyproject, -pytest, -fastapi, -hatchling, -poetry-core, -setuptools, -venv,
 * -httpx: the generated projects are validated, installed offline and tested with these.
 */
export const systemPackages = [
  'chromium',
  'bandit',
  'g++',
  'make',
  'python3',
  'libkrb5-dev',
  'docker.io',
  'busybox-static',
  'postgresql',
  'python3-alembic',
  'python3-sqlalchemy',
  'python3-psycopg2',
  'python3-validate-pyproject',
  'python3-pytest',
  'python3-fastapi',
  'python3-hatchling',
  'python3-poetry-core',
  'python3-setuptools',
  'python3-venv',
  'python3-httpx',
];

/** @param {string} name @returns {boolean} */
function isInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** @returns {boolean} */
function hasDpkg() {
  return spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * @param {string[]} [packages]
 * @returns {Promise<string[]>} the packages it installed
 */
export async function ensureSystemPackages(packages = systemPackages) {
  if (!hasDpkg()) {
    console.log(
      `Not a Debian system (no dpkg-query): make sure these are installed yourself: ${packages.join(', ')}`,
    );
    return [];
  }
  const missing = packages.filter((name) => !isInstalled(name));
  if (missing.length === 0) return [];
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing system packages: ${missing.join(', ')}. Install them as root, then run this again:\n  sudo sh -c '${command}'`,
    );
  }
  console.log(`Installing system packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update'], { env });
  await runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  return missing;
}
