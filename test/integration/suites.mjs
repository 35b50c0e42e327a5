// Which integration suite runs in which workspace: one real VS Code run per entry. The tests of a
// suite are test/integration/<suite>/*.test.ts. `workspace: null` opens an empty folder.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { repoRoot } from '../harness/harnessPaths.mjs';

/**
 * The stand-ins for pip-audit, Safety and Trivy (test/fixtures/bin: tools that cannot be
 * installed here, replaying their recorded real outputs) first on the extension host's PATH.
 */
const standInPath = `${path.join(repoRoot, 'test/fixtures/bin')}${path.delimiter}${process.env.PATH ?? ''}`;

/** Spawn probes (test/fixtures/spawn-probe) that log every call, for the untrusted suite. */
const probePath = `${path.join(repoRoot, 'test/fixtures/spawn-probe')}${path.delimiter}${process.env.PATH ?? ''}`;

/** The cloud suite: kubectl stand-in first, then the Trivy stand-in, then the real PATH. */
const cloudPath = `${path.join(repoRoot, 'test/fixtures/cloud-bin')}${path.delimiter}${standInPath}`;
const cloudFixtures = path.join(repoRoot, 'test/fixtures/cloud');

/**
 * The local GitHub API server (test/servers/github, requests and responses checked against
 * GitHub's OpenAPI description) in its own process, for the `github` suite.
 * @returns {Promise<SuiteService>}
 */
async function startGithubServer() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'test/servers/github/serveGithub.ts')],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stdout = /** @type {import('node:stream').Readable} */ (child.stdout);
  const line = await Promise.race([
    once(createInterface({ input: stdout }), 'line').then(([first]) => String(first)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`The GitHub test server exited with ${String(code)} before it listened`);
    }),
  ]);
  const { url } = /** @type {{ url: string }} */ (JSON.parse(line));
  return {
    env: { OPENPYPI_GITHUB_TEST_SERVER: url },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

/**
 * `setup` starts what a suite needs outside VS Code (a Docker engine, a database server) and
 * returns the environment to hand to the extension host and a `stop` that run.mjs always calls.
 * @typedef {{ env?: Record<string, string>, stop(): Promise<void> }} SuiteService
 * `folders` opens a multi-root workspace of those folders instead of `workspace`.
 * `timeoutMs` raises the whole run's limit (default 240 s) for a suite that does slow real work.
 * @type {{ suite: string, workspace: string | null, description: string, folders?: string[],
 *   env?: Record<string, string>, trust?: boolean, setup?: () => Promise<SuiteService>, timeoutMs?: number }[]}
 */
export const integrationSuites = [
  {
    suite: 'python',
    workspace: 'test/workspaces/demo',
    description: 'activation, API, views and commands in the demo Python workspace',
  },
  {
    suite: 'security',
    workspace: 'test/workspaces/demo',
    description: 'real Bandit scans, diagnostics, tree counts, quick fixes, scan on save',
    env: { PATH: standInPath },
  },
  {
    suite: 'untrusted',
    workspace: 'test/workspaces/demo',
    description: 'no process spawned in an untrusted workspace; SARIF import still works',
    trust: false,
    env: {
      PATH: probePath,
      OPENPYPI_SPAWN_PROBE_LOG: path.join(os.tmpdir(), `openpypi-spawn-probe-${process.pid}.log`),
    },
  },
  {
    suite: 'empty',
    workspace: null,
    description: 'every command runs in an empty workspace',
  },
  {
    suite: 'no-python',
    workspace: 'test/workspaces/no-python',
    description: 'no activation without Python files',
  },
  {
    suite: 'providers',
    workspace: 'test/workspaces/demo',
    description:
      'Providers view, sign in/out with SecretStorage, AI commands against a local OpenAI-compatible server, token-leak search',
  },
  {
    suite: 'multiroot',
    workspace: null,
    folders: ['test/workspaces/demo', 'test/workspaces/service'],
    description:
      'a two-folder workspace: each folder scanned, imported, exported and reported on its own',
  },
  {
    suite: 'database',
    workspace: 'test/workspaces/database',
    description:
      'Database provider on a real PostgreSQL 15 and a SQLite file: tree, Run SQL, Alembic up/down with Debian Python, errors',
    // A real PostgreSQL 15 in a temporary folder for this suite only (test/support/postgresServer.mjs).
    setup: async () => {
      const { startPostgres } = await import('../support/postgresServer.mjs');
      const server = await startPostgres();
      return {
        env: {
          OPENPYPI_TEST_PG_HOST: server.host,
          OPENPYPI_TEST_PG_PORT: String(server.port),
          OPENPYPI_TEST_PG_USER: server.user,
          OPENPYPI_TEST_PG_PASSWORD: server.password,
          OPENPYPI_TEST_PG_DATABASE: server.database,
        },
        stop: () => server.stop(),
      };
    },
  },
  {
    suite: 'cloud',
    workspace: 'test/workspaces/cloud',
    description:
      'Cloud section from a test KUBECONFIG (three files, one malformed), Check Deployment diagnostics, Generate Deployment, Deploy through a kubectl stand-in',
    env: {
      PATH: cloudPath,
      KUBECONFIG: ['kubeconfig-dev.yaml', 'kubeconfig-prod.yaml', 'kubeconfig-malformed.yaml']
        .map((name) => path.join(cloudFixtures, name))
        .join(path.delimiter),
      OPENPYPI_STANDIN_TRIVY_OUTPUT: path.join(
        repoRoot,
        'test/fixtures/trivy/v0.74.0__config__helm_testchart.json',
      ),
      OPENPYPI_STANDIN_LOG: path.join(os.tmpdir(), `openpypi-cloud-standin-${process.pid}.log`),
      AWS_CONFIG_FILE: path.join(cloudFixtures, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(cloudFixtures, 'no-aws-credentials'),
    },
  },
  {
    suite: 'generator',
    workspace: null,
    // A .code-workspace (of one folder), not a folder: "Add to this workspace" can then add the
    // new project (VS Code under test refuses to enter a new untitled workspace).
    folders: ['test/workspaces/no-python'],
    description:
      'Create Python Project: answers as an argument, real quick picks, nothing left on bad input, Add to workspace, start from an idea (local OpenAI-compatible server)',
  },
  {
    suite: 'github',
    workspace: 'test/workspaces/demo',
    description:
      'GitHub provider against a local API server checked with GitHub OpenAPI description: token sign-in, the tree, SARIF upload, alerts as diagnostics',
    setup: startGithubServer,
  },
  {
    suite: 'docker',
    workspace: 'test/workspaces/docker',
    description:
      'Docker provider on a real dockerd: tree, build (streamed, cancelled, failing), secure run checked with inspect, quarantine/release, Trivy image scan (stand-in), engine down and back, TLS over tcp:// with --tlsverify',
    // The Trivy stand-in (test/fixtures/bin/trivy) replays recorded image scans.
    env: { PATH: standInPath },
    // Builds on vfs copy the whole rootfs per step: about 5 minutes on this machine under load.
    timeoutMs: 900_000,
    // A real dockerd in a temporary folder for this suite only, with the local test images
    // (test/support/dockerEngine.mjs, testImages.mjs); DOCKER_HOST points the extension at it.
    setup: async () => {
      const { startDockerEngine } = await import('../support/dockerEngine.mjs');
      const { busyboxImage, buildImage, manyHistoryImage } =
        await import('../support/testImages.mjs');
      // Also on tcp://127.0.0.1:<free port> with --tlsverify and openssl-made certificates
      // (OPENPYPI_TEST_DOCKER_TLS_HOST / _TLS_DIR), for the TLS settings.
      const engine = await startDockerEngine({ tls: true });
      try {
        await busyboxImage(engine);
        await manyHistoryImage(engine, 'openpypi-test/history:10000');
        // A name with a registry host and port, on an image of its own.
        await buildImage(engine, {
          tag: 'registry.example.com:5000/team/tool:2.1',
          dockerfile: 'FROM openpypi-test/busybox:1\nLABEL tool=2.1\n',
        });
      } catch (error) {
        await engine.stop();
        throw error;
      }
      return { env: engine.env, stop: () => engine.stop() };
    },
  },
];
