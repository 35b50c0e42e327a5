import * as assert from 'node:assert/strict';
import {
  resolveEngineAddress,
  type EngineAddressInput,
} from '../../../../src/core/docker/engineAddress';

const base: EngineAddressInput = { env: {}, platform: 'linux', homeDir: '/home/ada' };

function tlsOf(input: Partial<EngineAddressInput>) {
  const address = resolveEngineAddress({ ...base, ...input });
  assert.equal(address.kind, 'tcp');
  return address.tls;
}

describe('Docker engine address and TLS (as the docker CLI reads them)', () => {
  it('takes the setting over DOCKER_HOST over the platform default', () => {
    assert.deepEqual(
      resolveEngineAddress({
        ...base,
        settingHost: 'unix:///run/a.sock',
        env: { DOCKER_HOST: 'tcp://h:2375' },
      }),
      {
        kind: 'socket',
        socketPath: '/run/a.sock',
        display: 'unix:///run/a.sock',
        source: 'setting',
      },
    );
    assert.equal(
      resolveEngineAddress({ ...base, env: { DOCKER_HOST: 'tcp://h:2375' } }).source,
      'DOCKER_HOST',
    );
    assert.equal(resolveEngineAddress(base).display, 'unix:///var/run/docker.sock');
    assert.equal(
      resolveEngineAddress({ ...base, platform: 'win32' }).display,
      'npipe:////./pipe/docker_engine',
    );
  });

  it('uses no TLS for a plain tcp:// engine when nothing asks for it', () => {
    assert.equal(tlsOf({ settingHost: 'tcp://h:2375' }), undefined);
    assert.equal(tlsOf({ settingHost: 'tcp://h', settingTls: { verify: false } }), undefined);
  });

  it('verifies with the CA, client certificate and key from the settings', () => {
    const address = resolveEngineAddress({
      ...base,
      settingHost: 'tcp://10.0.0.5',
      settingTls: { caFile: '/c/ca.pem', certFile: '/c/cert.pem', keyFile: '/c/key.pem' },
      env: { DOCKER_CERT_PATH: '/ignored' },
    });
    assert.deepEqual(address, {
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2376,
      display: 'tcp://10.0.0.5:2376',
      source: 'setting',
      tls: {
        verify: true,
        ca: { path: '/c/ca.pem', from: 'openpypi.docker.tlsCaFile', required: true },
        cert: { path: '/c/cert.pem', from: 'openpypi.docker.tlsCertFile', required: true },
        key: { path: '/c/key.pem', from: 'openpypi.docker.tlsKeyFile', required: true },
      },
    });
  });

  it('reads DOCKER_TLS_VERIFY (any non-empty value, as the CLI) and DOCKER_CERT_PATH', () => {
    for (const value of ['1', 'true', '0']) {
      assert.deepEqual(
        tlsOf({
          env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: value, DOCKER_CERT_PATH: '/d' },
        }),
        {
          verify: true,
          // ca.pem must be there when verifying; cert/key.pem are used when they exist.
          ca: { path: '/d/ca.pem', from: 'DOCKER_CERT_PATH', required: true },
          cert: { path: '/d/cert.pem', from: 'DOCKER_CERT_PATH', required: false },
          key: { path: '/d/key.pem', from: 'DOCKER_CERT_PATH', required: false },
        },
      );
    }
    assert.equal(tlsOf({ env: { DOCKER_HOST: 'tcp://h:2375', DOCKER_TLS_VERIFY: '' } }), undefined);
  });

  it('falls back to ~/.docker for the files, each optional, and DOCKER_TLS turns TLS on', () => {
    assert.deepEqual(tlsOf({ env: { DOCKER_HOST: 'tcp://h', DOCKER_TLS: '1' } }), {
      verify: true,
      ca: { path: '/home/ada/.docker/ca.pem', from: '~/.docker', required: false },
      cert: { path: '/home/ada/.docker/cert.pem', from: '~/.docker', required: false },
      key: { path: '/home/ada/.docker/key.pem', from: '~/.docker', required: false },
    });
  });

  it('keeps verifying unless openpypi.docker.tlsVerify is false, even with https:// alone', () => {
    assert.equal(tlsOf({ settingHost: 'https://h:2376' })?.verify, true);
    assert.equal(tlsOf({ settingHost: 'tcp://h', settingTls: { verify: true } })?.verify, true);
    assert.equal(
      tlsOf({ settingHost: 'tcp://h', settingTls: { caFile: '/ca.pem', verify: false } })?.verify,
      false,
    );
    // Turned off explicitly: the CA from DOCKER_CERT_PATH is no longer required.
    assert.deepEqual(
      tlsOf({
        settingHost: 'tcp://h',
        settingTls: { verify: false },
        env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/d' },
      })?.ca,
      { path: '/d/ca.pem', from: 'DOCKER_CERT_PATH', required: false },
    );
  });

  it('refuses ssh:// and addresses it cannot read, naming where they came from', () => {
    assert.throws(
      () => resolveEngineAddress({ ...base, env: { DOCKER_HOST: 'ssh://me@h' } }),
      /"ssh:\/\/me@h" in DOCKER_HOST uses SSH/,
    );
    assert.throws(
      () => resolveEngineAddress({ ...base, settingHost: 'ftp://h' }),
      /"ftp:\/\/h" in the setting openpypi\.docker\.host is not an address/,
    );
  });
});
