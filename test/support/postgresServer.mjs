// A real PostgreSQL server for tests: Debian's PostgreSQL 15 initdb'd into a temporary folder,
// listening on 127.0.0.1 on a free port, with password (SCRAM) authentication. Used by the unit
// tests (before/after hooks) and by the `database` integration suite's setup hook. `stop()`
// shuts it down and deletes the folder; a process exit also stops it (test/harness/processTree).
// As root, PostgreSQL refuses to start, so the server runs as the `postgres` user (setpriv).
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loopbackPort } from '../harness/loopbackPort.mjs';
import { startProcess, stopProcess } from '../harness/processTree.mjs';

const defaultBin = '/usr/lib/postgresql/15/bin';

/** @returns {{ uid: number, gid: number } | undefined} the postgres user, when running as root */
function serverUser() {
  if (process.getuid?.() !== 0) return undefined;
  const id = (/** @type {string} */ flag) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) {
    throw new Error('Running as root, but there is no `postgres` user to run PostgreSQL as.');
  }
  return { uid, gid };
}

/** @param {string[]} command @param {{ uid: number, gid: number } | undefined} user */
function asUser(command, user) {
  return user
    ? [
        'setpriv',
        `--reuid=${user.uid}`,
        `--regid=${user.gid}`,
        '--clear-groups',
        '--reset-env',
        '--',
        ...command,
      ]
    : command;
}

/** @param {number} port @returns {Promise<boolean>} */
function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * @param {{ user?: string, password?: string, database?: string, bin?: string, startTimeoutMs?: number }} [options]
 * @returns {Promise<import('./postgresServer.d.mts').PostgresServer>}
 */
export async function startPostgres(options = {}) {
  const bin = options.bin ?? process.env.OPENPYPI_POSTGRES_BIN ?? defaultBin;
  if (!existsSync(path.join(bin, 'postgres'))) {
    throw new Error(
      `PostgreSQL 15 is not installed (${bin}/postgres is missing): apt-get install postgresql`,
    );
  }
  const user = options.user ?? 'openpypi';
  const password = options.password ?? 'pg-test-secret-5f1c';
  const database = options.database ?? 'app';
  const owner = serverUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openpypi-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  let child;
  try {
    const [initdb, ...initArgs] = asUser(
      [
        path.join(bin, 'initdb'),
        '-D',
        data,
        '-U',
        user,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      owner,
    );
    const init = spawnSync(/** @type {string} */ (initdb), initArgs, { encoding: 'utf8' });
    if (init.status !== 0) {
      throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`);
    }
    rmSync(pwfile);
    const port = await loopbackPort();
    const [postgres, ...args] = asUser(
      [
        path.join(bin, 'postgres'),
        '-D',
        data,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=40',
      ],
      owner,
    );
    child = startProcess(/** @type {string} */ (postgres), args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (/** @type {string} */ text) => {
      log = (log + text).slice(-8000);
    });
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postgres exited at start:\n${log}`);
      if (/ready to accept connections/.test(log) && (await accepts(port))) break;
      if (Date.now() > deadline) throw new Error(`postgres did not start in time:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
    const running = child;
    let stopped = false;
    return {
      host: '127.0.0.1',
      port,
      user,
      password,
      database,
      url: `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopServer(running);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child) await stopServer(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Fast shutdown (SIGINT: disconnect clients, checkpoint), then the tree if it lingers. */
async function stopServer(/** @type {import('node:child_process').ChildProcess} */ child) {
  if (child.exitCode === null && child.pid !== undefined) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(child.pid, 'SIGINT');
    } catch {
      // Gone already.
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  await stopProcess(child, 2000);
}
