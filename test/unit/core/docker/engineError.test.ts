import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDockerClient } from '../../../../src/core/docker/dockerRuntime';
import {
  asEngineError,
  engineErrorFrom,
  isEngineDown,
} from '../../../../src/core/docker/engineError';

const AT = 'unix:///var/run/docker.sock';

describe('Docker engine errors', () => {
  it('says "not reachable at <address>" for a socket nobody listens on', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'openpypi-engine-'));
    try {
      const socketPath = path.join(dir, 'docker.sock');
      const client = createDockerClient({
        kind: 'socket',
        socketPath,
        display: `unix://${socketPath}`,
        source: 'setting',
      });
      await assert.rejects(client.version(), (error: unknown) => {
        const engineError = asEngineError(error);
        assert.ok(engineError);
        assert.equal(engineError.problem, 'not-reachable');
        assert.equal(engineError.message, `Docker engine not reachable at unix://${socketPath}`);
        assert.equal(isEngineDown(error), true);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says the socket refused permission, for real: a 0600 root socket asked by user nobody', async function () {
    this.timeout(60_000);
    // Only root can hand the probe to another user; CI and this machine run the tests as root.
    if (process.getuid?.() !== 0) this.skip();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'openpypi-socket-'));
    await chmod(dir, 0o755);
    const socketPath = path.join(dir, 'docker.sock');
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      await chmod(socketPath, 0o600);
      const probe = spawnSync(
        process.execPath,
        [
          '--require',
          require.resolve('tsx/cjs'),
          path.join(__dirname, 'socketProbe.ts'),
          socketPath,
        ],
        {
          uid: 65534,
          gid: 65534,
          encoding: 'utf8',
          env: { ...process.env, HOME: dir },
          timeout: 60_000,
        },
      );
      const outcome = JSON.parse(probe.stdout.trim().split('\n').at(-1) ?? '{}') as {
        name?: string;
        problem?: string;
        message?: string;
      };
      assert.equal(outcome.name, 'EngineError', probe.stderr);
      assert.equal(outcome.problem, 'permission-denied');
      assert.equal(
        outcome.message,
        `Permission denied on the Docker socket unix://${socketPath}: add your user to the "docker" group (then sign in again) or point openpypi.docker.host at an engine you may use.`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says the socket refused permission, and what to do (from the error code)', () => {
    const error = engineErrorFrom(
      Object.assign(new Error('connect EACCES'), { code: 'EACCES' }),
      AT,
    );
    assert.equal(error.problem, 'permission-denied');
    assert.match(
      error.message,
      /^Permission denied on the Docker socket unix:\/\/\/var\/run\/docker\.sock: add your user to the "docker" group/,
    );
    assert.equal(isEngineDown(error), true);
  });

  it('keeps the engine’s own message and status for a refused request', () => {
    const error = engineErrorFrom(
      Object.assign(new Error('(HTTP code 404) no such image - No such image: app:1'), {
        statusCode: 404,
        json: { message: 'No such image: app:1' },
      }),
      AT,
    );
    assert.equal(error.problem, 'api');
    assert.equal(error.statusCode, 404);
    assert.equal(error.message, 'No such image: app:1');
    assert.equal(isEngineDown(error), false);
  });

  it('names TLS failures and the setting to check (the real ones are in the docker suite)', () => {
    const tls = {
      verify: true,
      ca: { path: '/c/ca.pem', from: 'openpypi.docker.tlsCaFile', required: true },
    };
    const at = 'tcp://h:2376';
    const unverified = engineErrorFrom(
      Object.assign(new Error('unable to verify the first certificate'), {
        code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      }),
      at,
      tls,
    );
    assert.equal(unverified.problem, 'tls');
    assert.equal(isEngineDown(unverified), true);
    assert.equal(
      unverified.message,
      "TLS verification of the Docker engine at tcp://h:2376 failed: its certificate is not signed by the CA in openpypi.docker.tlsCaFile (/c/ca.pem) (UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate). Check openpypi.docker.tlsCaFile: it must name the CA that signed the engine's certificate.",
    );
    assert.match(
      engineErrorFrom(Object.assign(new Error('x'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), at)
        .message,
      /not signed by a CA this system trusts \(openpypi\.docker\.tlsCaFile is not set\)/,
    );
    assert.match(
      engineErrorFrom(Object.assign(new Error('x'), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), at)
        .message,
      /its certificate is not issued for the host in tcp:\/\/h:2376/,
    );
    const noClientCert = engineErrorFrom(
      Object.assign(new Error('alert'), { code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' }),
      at,
      tls,
    );
    assert.equal(noClientCert.problem, 'tls');
    assert.match(
      noClientCert.message,
      /refused the TLS connection \(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED\): it requires a client certificate and none is configured\. Set openpypi\.docker\.tlsCertFile and openpypi\.docker\.tlsKeyFile/,
    );
    const plainToTls = engineErrorFrom(
      Object.assign(new Error('(HTTP code 400) unexpected'), {
        statusCode: 400,
        json: 'Client sent an HTTP request to an HTTPS server.\n',
      }),
      'tcp://h:2375',
    );
    assert.equal(plainToTls.problem, 'tls');
    assert.match(plainToTls.message, /at tcp:\/\/h:2375 requires TLS/);
  });
});
