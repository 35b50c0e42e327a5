import * as assert from 'node:assert/strict';
import type { ContainerSecurityView, ImageDetails } from '../../../../src/core/docker/dockerModel';
import {
  isRootUser,
  planSecureRun,
  secureRunDeviations,
  type SecureDefault,
} from '../../../../src/core/docker/secureRun';

const image = (user: string): ImageDetails => ({
  id: 'sha256:1',
  tags: ['app:1'],
  labels: {},
  user,
  layers: 1,
  os: 'linux',
  sizeBytes: 1,
  parent: '',
});

const limits = { memoryMb: 512, cpus: 1.5, pids: 128 };

function plan(user: string, loosened: SecureDefault[] = []) {
  return planSecureRun({
    image: image(user),
    imageReference: 'app:1',
    limits,
    loosened: new Set(loosened),
    labels: { 'openpypi.run': 'app:1' },
  });
}

/** What the engine reports for a container created exactly as planned. */
function asApplied(request: ReturnType<typeof plan>['request']): ContainerSecurityView {
  return {
    id: 'c',
    name: 'c',
    readonlyRootfs: request.readonlyRootfs,
    tmpfs: request.tmpfs,
    securityOpt: request.securityOpt,
    capDrop: request.capDrop,
    capAdd: [],
    privileged: false,
    user: request.user ?? '',
    memoryBytes: request.memoryBytes,
    nanoCpus: request.nanoCpus,
    pidsLimit: request.pidsLimit,
    running: true,
    exitCode: 0,
    image: 'app:1',
  };
}

describe('Secure run plan', () => {
  it('applies every default: read-only root with tmpfs /tmp, no-new-privileges, no capabilities, the image user, limits', () => {
    const { request, applied, user } = plan('10001:10001');
    assert.deepEqual([...applied].sort(), [
      'dropAllCapabilities',
      'limits',
      'noNewPrivileges',
      'nonRootUser',
      'readOnlyRootfs',
    ]);
    assert.equal(user, '10001:10001');
    assert.equal(request.user, '10001:10001');
    assert.equal(request.readonlyRootfs, true);
    assert.match(request.tmpfs['/tmp'] ?? '', /noexec,nosuid,nodev/);
    assert.deepEqual(request.securityOpt, ['no-new-privileges:true']);
    assert.deepEqual(request.capDrop, ['ALL']);
    assert.equal(request.memoryBytes, 512 * 1024 * 1024);
    assert.equal(request.nanoCpus, 1.5e9);
    assert.equal(request.pidsLimit, 128);
    assert.equal(request.privileged, false);
  });

  it('cannot run as non-root when the image has no user (or root), and says so in `applied`', () => {
    for (const user of ['', 'root', '0', '0:0', 'root:root']) {
      assert.equal(isRootUser(user), true, user);
      const { request, applied } = plan(user);
      assert.equal(request.user, undefined);
      assert.equal(applied.has('nonRootUser'), false);
    }
    assert.equal(isRootUser('app'), false);
    assert.equal(isRootUser('1000'), false);
  });

  it('loosens exactly what was asked and nothing else; never privileged', () => {
    const { request, applied } = plan('app', ['readOnlyRootfs', 'limits']);
    assert.equal(request.readonlyRootfs, false);
    assert.deepEqual(request.tmpfs, {});
    assert.equal(request.memoryBytes, 0);
    assert.equal(request.pidsLimit, 0);
    assert.deepEqual(request.capDrop, ['ALL']);
    assert.deepEqual(request.securityOpt, ['no-new-privileges:true']);
    assert.equal(request.user, 'app');
    assert.equal(request.privileged, false);
    assert.equal(applied.has('readOnlyRootfs'), false);
  });

  it('finds nothing to complain about when the engine applied the plan', () => {
    const p = plan('app');
    assert.deepEqual(secureRunDeviations(p, asApplied(p.request)), []);
  });

  it('names every default the engine did not apply', () => {
    const p = plan('app');
    const actual: ContainerSecurityView = {
      ...asApplied(p.request),
      readonlyRootfs: false,
      tmpfs: {},
      securityOpt: [],
      capDrop: [],
      capAdd: ['NET_ADMIN'],
      privileged: true,
      user: '',
      memoryBytes: 0,
      nanoCpus: 0,
      pidsLimit: 0,
    };
    assert.deepEqual(secureRunDeviations(p, actual), [
      'the container is privileged',
      'the root filesystem is writable',
      '/tmp is not a tmpfs',
      'no-new-privileges is not set',
      'capabilities are not all dropped',
      'capabilities added: NET_ADMIN',
      'runs as "root" instead of "app"',
      'memory limit not applied',
      'CPU limit not applied',
      'pids limit not applied',
    ]);
  });
});
