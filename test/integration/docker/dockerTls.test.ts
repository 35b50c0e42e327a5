// The Docker provider over TLS, in a real VS Code, against the suite's real dockerd: its setup
// (suites.mjs, test/support/dockerEngine.mjs with `tls: true`) also has it listen on
// tcp://127.0.0.1:<free port> with --tlsverify and certificates made for this run with the
// openssl CLI (test/support/dockerTlsCerts.mjs): a CA, the engine's certificate for IP 127.0.0.1,
// a client certificate, and an unrelated CA. The settings are set as a person would (user
// settings); DOCKER_TLS_VERIFY / DOCKER_CERT_PATH are set in the extension host's own environment,
// which is the process.env OpenPypi reads.
import * as assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import type { DockerTreeRow } from '../../../src/features/docker/dockerTreeSnapshot';
import { extensionLogLines } from '../support/extensionLog';
import { openPypi } from '../support/manifest';
import { waitFor } from '../support/waitFor';

const TLS_HOST = process.env.OPENPYPI_TEST_DOCKER_TLS_HOST ?? '';
const TLS_DIR = process.env.OPENPYPI_TEST_DOCKER_TLS_DIR ?? '';
const BUSYBOX = 'openpypi-test/busybox:1';
const ca = path.join(TLS_DIR, 'ca.pem');
const cert = path.join(TLS_DIR, 'cert.pem');
const key = path.join(TLS_DIR, 'key.pem');
const wrongCa = path.join(TLS_DIR, 'other-ca', 'ca.pem');
const SETTINGS = ['host', 'tlsCaFile', 'tlsCertFile', 'tlsKeyFile', 'tlsVerify'] as const;
type Setting = (typeof SETTINGS)[number];

function find(rows: readonly DockerTreeRow[] | undefined, label: string): DockerTreeRow {
  const found = rows?.find((row) => row.label === label);
  assert.ok(found, `no row "${label}" among ${JSON.stringify(rows?.map((row) => row.label))}`);
  return found;
}

/** The log's lines without empty ones (so a mark is not off by one). */
function logLines(): string[] {
  return extensionLogLines().filter((line) => line !== '');
}

async function configure(values: Partial<Record<Setting, string | boolean>>): Promise<void> {
  const config = vscode.workspace.getConfiguration('openpypi.docker');
  for (const name of SETTINGS) {
    await config.update(name, values[name], vscode.ConfigurationTarget.Global);
  }
}

describe('Docker provider over TLS (real dockerd on tcp://127.0.0.1 with --tlsverify)', function () {
  this.timeout(120_000);
  let api: OpenPypiApi;
  const refresh = () => vscode.commands.executeCommand<string>('openpypi.docker.refresh');
  const tree = async () => api.docker.tree();
  /** The Docker row once the engine was read with the settings as they are now. */
  async function rowAfterRefresh(expected: 'connected' | 'down'): Promise<DockerTreeRow> {
    await waitFor(async () => (await refresh()) === expected, `the engine never was ${expected}`);
    return tree();
  }

  before(async () => {
    assert.match(TLS_HOST, /^tcp:\/\/127\.0\.0\.1:\d+$/, 'run through run.mjs (suite docker)');
    api = (await openPypi().activate()) as OpenPypiApi;
  });

  afterEach(async () => {
    delete process.env.DOCKER_TLS_VERIFY;
    delete process.env.DOCKER_CERT_PATH;
    await configure({});
  });

  after(async () => {
    // Back on the suite's unix socket, and the key never reached the log.
    assert.equal(await refresh(), 'connected');
    const keyBody = readFileSync(key, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('-----'));
    const log = extensionLogLines().join('\n');
    for (const line of keyBody) assert.ok(!log.includes(line), 'the client key is in the log');
    assert.doesNotMatch(log, /PRIVATE KEY/);
  });

  it('connects with the CA, client certificate and key from the settings, and lists the images', async () => {
    await configure({ host: TLS_HOST, tlsCaFile: ca, tlsCertFile: cert, tlsKeyFile: key });
    const root = await rowAfterRefresh('connected');
    assert.match(root.description ?? '', /^Engine 20\.10\.\S+ · linux\//);
    find(find(root.children, 'Images').children, BUSYBOX);
    // A command over the same connection: the engine answers with the id.
    const id = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.docker.runContainer',
      BUSYBOX,
      { loosen: [], name: 'it-over-tls', cmd: ['true'] },
    );
    assert.match(id ?? '', /^[0-9a-f]{64}$/);
    const removed = await vscode.commands.executeCommand<string[] | undefined>(
      'openpypi.docker.removeContainer',
      'it-over-tls',
      undefined,
      { confirm: true },
    );
    assert.deepEqual(removed, [id]);
  });

  it('connects the docker CLI way: DOCKER_HOST, DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = TLS_HOST;
    process.env.DOCKER_TLS_VERIFY = '1';
    process.env.DOCKER_CERT_PATH = TLS_DIR;
    try {
      const root = await rowAfterRefresh('connected');
      find(find(root.children, 'Images').children, BUSYBOX);
    } finally {
      process.env.DOCKER_HOST = saved;
    }
  });

  it('hands Trivy the same engine and TLS files (DOCKER_CERT_PATH of links, removed after)', async () => {
    await configure({ host: TLS_HOST, tlsCaFile: ca, tlsCertFile: cert, tlsKeyFile: key });
    await rowAfterRefresh('connected');
    const fixture = path.join(
      openPypi().extensionPath,
      'test/fixtures/trivy/v0.74.0__image__alpine-310.json',
    );
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'openpypi-trivy-'));
    const standInLog = path.join(logDir, 'calls.log');
    process.env.OPENPYPI_STANDIN_TRIVY_IMAGES = `${BUSYBOX}=${fixture}`;
    process.env.OPENPYPI_STANDIN_LOG = standInLog;
    try {
      const id = await vscode.commands.executeCommand<string | undefined>(
        'openpypi.docker.scanImage',
        BUSYBOX,
      );
      assert.match(id ?? '', /^sha256:/);
      const calls = readFileSync(standInLog, 'utf8');
      assert.match(calls, new RegExp(`trivy-image ${BUSYBOX} DOCKER_HOST=${TLS_HOST}\\n`));
      const tls =
        /trivy-image-tls DOCKER_TLS_VERIFY=1 dir=(\S+) ca=(\S+) cert=(\S+) key=(\S+)/.exec(calls);
      assert.ok(tls, calls);
      assert.deepEqual(tls.slice(2), [ca, cert, key]);
      assert.equal(existsSync(tls[1] ?? ''), false, 'the links folder was left behind');
      assert.doesNotMatch(calls, /PRIVATE KEY/);
    } finally {
      delete process.env.OPENPYPI_STANDIN_TRIVY_IMAGES;
      delete process.env.OPENPYPI_STANDIN_LOG;
      rmSync(logDir, { recursive: true, force: true });
    }
  });

  it('says TLS verification failed, and to check openpypi.docker.tlsCaFile, with a wrong CA', async () => {
    await configure({ host: TLS_HOST, tlsCaFile: wrongCa, tlsCertFile: cert, tlsKeyFile: key });
    const root = await rowAfterRefresh('down');
    assert.equal(
      root.description,
      `TLS verification of the Docker engine at ${TLS_HOST} failed: its certificate is not signed by the CA in openpypi.docker.tlsCaFile (${wrongCa}) (UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate). Check openpypi.docker.tlsCaFile: it must name the CA that signed the engine's certificate.`,
    );
    assert.match(root.contextValue ?? '', /\bretry\b/);
    // Only an explicit tlsVerify: false skips the check (the engine still wants the client cert).
    await configure({
      host: TLS_HOST,
      tlsCaFile: wrongCa,
      tlsCertFile: cert,
      tlsKeyFile: key,
      tlsVerify: false,
    });
    await rowAfterRefresh('connected');
  });

  it('says the engine wants a client certificate when none is configured', async () => {
    await configure({ host: TLS_HOST, tlsCaFile: ca });
    const root = await rowAfterRefresh('down');
    assert.match(
      root.description ?? '',
      new RegExp(
        `^The Docker engine at ${TLS_HOST.replace(/\./g, '\\.')} refused the TLS connection \\(ERR_SSL_[\\w/]+\\): it requires a client certificate and none is configured\\. Set openpypi\\.docker\\.tlsCertFile and openpypi\\.docker\\.tlsKeyFile`,
      ),
    );
    // A command says the same, as a warning (not the generic "failed").
    const mark = logLines().length;
    assert.equal(
      await vscode.commands.executeCommand('openpypi.docker.runContainer', BUSYBOX, { loosen: [] }),
      undefined,
    );
    await waitFor(
      () =>
        /openpypi\.docker\.runContainer: The Docker engine at .* it requires a client certificate/.test(
          logLines().slice(mark).join('\n'),
        ),
      `the command did not say a client certificate is needed; the log has:\n${logLines().slice(mark).join('\n')}`,
    );
    assert.doesNotMatch(logLines().slice(mark).join('\n'), /runContainer failed/);
  });

  it('says the engine requires TLS when none is configured for it', async () => {
    await configure({ host: TLS_HOST });
    const root = await rowAfterRefresh('down');
    assert.equal(
      root.description,
      `The Docker engine at ${TLS_HOST} requires TLS: set openpypi.docker.tlsCaFile, tlsCertFile and tlsKeyFile (or DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH).`,
    );
  });

  it('names the setting and the path of a TLS file that is missing or unreadable', async () => {
    const missing = path.join(TLS_DIR, 'no-such-ca.pem');
    await configure({ host: TLS_HOST, tlsCaFile: missing, tlsCertFile: cert, tlsKeyFile: key });
    let root = await rowAfterRefresh('down');
    assert.equal(
      root.description,
      `The TLS CA certificate ${missing} (from openpypi.docker.tlsCaFile) for the Docker engine at ${TLS_HOST} cannot be read (ENOENT): fix the path in openpypi.docker.tlsCaFile.`,
    );
    // A folder where the key should be: cannot be read, whoever runs the tests (root included).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openpypi-tls-'));
    try {
      copyFileSync(cert, path.join(dir, 'cert.pem'));
      chmodSync(dir, 0o700);
      await configure({ host: TLS_HOST, tlsCaFile: ca, tlsCertFile: cert, tlsKeyFile: dir });
      root = await rowAfterRefresh('down');
      assert.equal(
        root.description,
        `The TLS client key ${dir} (from openpypi.docker.tlsKeyFile) for the Docker engine at ${TLS_HOST} cannot be read (EISDIR): fix the path in openpypi.docker.tlsKeyFile.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
