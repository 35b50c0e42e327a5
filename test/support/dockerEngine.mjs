// A real Docker Engine for tests: Debian's dockerd (package docker.io) with everything of its
// own in a temporary folder (socket, data root, exec root, pidfile, its managed containerd),
// vfs storage, no iptables, no bridge (containers get --network none). Must run as root.
// See test/support/README.md.
import { spawn, execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { descendants, isAlive } from '../harness/processTree.mjs';

const DOCKERD = process.env.OPENPYPI_TEST_DOCKERD ?? 'dockerd';

/**
 * @typedef {object} DockerEngine
 * @property {string} dir the engine's folder (socket, data, exec root, log)
 * @property {string} socket absolute path of the engine's unix socket
 * @property {string} host `unix://<socket>`, the DOCKER_HOST value
 * @property {{ DOCKER_HOST: string, OPENPYPI_TEST_DOCKER_DIR: string, OPENPYPI_TEST_DOCKER_TLS_HOST?: string, OPENPYPI_TEST_DOCKER_TLS_DIR?: string }} env for a child (VS Code's extension host)
 * @property {{ host: string, certs: import('./dockerTlsCerts.mjs').DockerTlsCerts } | undefined} tls
 *   with `tls: true`: the engine's second address, tcp://127.0.0.1:<port> with --tlsverify, and
 *   the certificates made for it
 * @property {(args: string[], options?: { input?: string, cwd?: string, env?: NodeJS.ProcessEnv }) => Promise<string>} docker runs the docker CLI against this engine, resolves with stdout
 * @property {() => Promise<void>} stop stops dockerd and its containerd (also one restarted by
 *   startDockerEngine({ dir }) from another process) and removes the folder; safe to call twice
 */

/**
 * Starts a dockerd and waits until it answers `/_ping` (up to `readyTimeoutMs`).
 * With `dir` (the `dir` of an engine started before and stopped with stopDockerEngineProcess),
 * starts it again on the same data: images survive, which is how a test brings an engine back.
 * With `tls: true` it also listens on tcp://127.0.0.1:<free port> with --tlsverify and
 * certificates made with the openssl CLI in `<dir>/tls` (dockerTlsCerts.mjs); a restart with
 * `dir` listens there again.
 * @param {{ dir?: string, readyTimeoutMs?: number, keepDir?: boolean, tls?: boolean }} [options]
 * @returns {Promise<DockerEngine>}
 */
export async function startDockerEngine(options = {}) {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'openpypi-docker-'));
  const socket = path.join(dir, 'docker.sock');
  for (const sub of ['data', 'exec']) mkdirSync(path.join(dir, sub), { recursive: true });
  const config = path.join(dir, 'daemon.json');
  if (!existsSync(config)) writeFileSync(config, '{}\n');
  const tls = await tlsListener(dir, options.tls === true);
  const log = openSync(path.join(dir, 'dockerd.log'), 'a');
  const child = spawn(
    DOCKERD,
    [
      '--config-file',
      config,
      '--host',
      `unix://${socket}`,
      '--data-root',
      path.join(dir, 'data'),
      '--exec-root',
      path.join(dir, 'exec'),
      '--pidfile',
      path.join(dir, 'docker.pid'),
      '--storage-driver',
      'vfs',
      '--iptables=false',
      '--ip6tables=false',
      '--ip-forward=false',
      '--ip-masq=false',
      '--bridge',
      'none',
      '--userland-proxy=false',
      '--log-level',
      'warn',
      ...(tls === undefined
        ? []
        : [
            '--host',
            tls.host,
            '--tlsverify',
            '--tlscacert',
            tls.certs.ca,
            '--tlscert',
            tls.certs.serverCert,
            '--tlskey',
            tls.certs.serverKey,
          ]),
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  child.unref();
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  const timeout = options.readyTimeoutMs ?? 120_000;
  const host = `unix://${socket}`;
  const engine = {
    dir,
    socket,
    host,
    env: {
      DOCKER_HOST: host,
      OPENPYPI_TEST_DOCKER_DIR: dir,
      ...(tls === undefined
        ? {}
        : { OPENPYPI_TEST_DOCKER_TLS_HOST: tls.host, OPENPYPI_TEST_DOCKER_TLS_DIR: tls.certs.dir }),
    },
    tls,
    docker: (args, runOptions = {}) => dockerCli(host, args, runOptions),
    stop: async () => {
      await stopDockerEngineProcess(dir);
      if (options.keepDir !== true) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  for (;;) {
    if (await ping(socket)) return engine;
    const code = await Promise.race([exited, delay(250).then(() => undefined)]);
    if (code !== undefined || Date.now() - started > timeout) {
      await engine.stop().catch(() => undefined);
      const tail = readTail(path.join(dir, 'dockerd.log'));
      throw new Error(
        `dockerd did not become ready (${code === undefined ? `timeout ${timeout} ms` : `exit ${String(code)}`}); its log ends:\n${tail}`,
      );
    }
  }
}

/**
 * The TLS listener of an engine: made (port, certificates) on the first start with `tls: true`
 * and recorded in `<dir>/tls/listener.json`, so that a restart on the same `dir` reuses it.
 * @param {string} dir @param {boolean} wanted
 */
async function tlsListener(dir, wanted) {
  const record = path.join(dir, 'tls', 'listener.json');
  if (existsSync(record)) return JSON.parse(readFileSync(record, 'utf8'));
  if (!wanted) return undefined;
  const { makeDockerTlsCerts } = await import('./dockerTlsCerts.mjs');
  const certs = await makeDockerTlsCerts(path.join(dir, 'tls'));
  const { loopbackPort } = await import('../harness/loopbackPort.mjs');
  const listener = { host: `tcp://127.0.0.1:${String(await loopbackPort())}`, certs };
  writeFileSync(record, JSON.stringify(listener));
  return listener;
}

/**
 * Stops the dockerd whose folder is `dir` (by its pidfile) and every process it started, and
 * waits until its socket is gone. The folder stays, so startDockerEngine({ dir }) can restart it.
 * @param {string} dir
 */
export async function stopDockerEngineProcess(dir) {
  const pidFile = path.join(dir, 'docker.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    const tree = [...descendants(pid), pid];
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Gone.
    }
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && tree.some(isAlive)) await delay(100);
    for (const each of tree) {
      try {
        if (isAlive(each)) process.kill(each, 'SIGKILL');
      } catch {
        // Gone.
      }
    }
    // Containers' shims (containerd-shim) may have left dockerd's tree.
  }
  for (const each of shimsOf(dir)) {
    try {
      process.kill(each, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
  rmSync(path.join(dir, 'docker.sock'), { force: true });
}

/** The docker CLI against one engine (legacy builder: the buildx plugin is not installed here). */
function dockerCli(host, args, options) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'docker',
      args,
      {
        cwd: options.cwd,
        env: {
          ...process.env,
          ...options.env,
          DOCKER_HOST: host,
          DOCKER_BUILDKIT: '0',
          DOCKER_CLI_HINTS: 'false',
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`docker ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

function ping(socket) {
  return new Promise((resolve) => {
    const request = http.get({ socketPath: socket, path: '/_ping', timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Processes whose command line names this engine's folder (containerd, its shims). */
function shimsOf(dir) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) pids.push(Number(entry));
    } catch {
      // Ended while we looked.
    }
  }
  return pids;
}

function readTail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}
