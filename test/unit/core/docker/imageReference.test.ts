import * as assert from 'node:assert/strict';
import {
  formatReference,
  parseImageReference,
  quarantineTag,
} from '../../../../src/core/docker/imageReference';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('Docker image references', () => {
  it('tells a registry host (dot, port, localhost) from a path component', () => {
    assert.deepEqual(parseImageReference('registry.example.com:5000/team/tool:2.1'), {
      registry: 'registry.example.com:5000',
      path: 'team/tool',
      tag: '2.1',
    });
    assert.deepEqual(parseImageReference('localhost/app'), { registry: 'localhost', path: 'app' });
    assert.deepEqual(parseImageReference('team/app:1'), { path: 'team/app', tag: '1' });
  });

  it('reads a digest, with or without a tag', () => {
    assert.deepEqual(parseImageReference(`ghcr.io/o/app@${DIGEST}`), {
      registry: 'ghcr.io',
      path: 'o/app',
      digest: DIGEST,
    });
    assert.deepEqual(parseImageReference(`ghcr.io:443/o/app:1.0@${DIGEST}`), {
      registry: 'ghcr.io:443',
      path: 'o/app',
      tag: '1.0',
      digest: DIGEST,
    });
  });

  it('refuses what the engine would refuse', () => {
    for (const bad of ['', 'App:1', 'app@sha256:short', 'app:bad tag', 'a//b', 'x'.repeat(5000)]) {
      assert.equal(parseImageReference(bad), undefined, bad);
    }
  });

  it('moves a tag under quarantine/, the registry host folded into a path component', () => {
    const registry = parseImageReference('registry.example.com:5000/team/tool:2.1');
    assert.ok(registry);
    assert.deepEqual(quarantineTag(registry), {
      repository: 'quarantine/registry-example-com-5000/team/tool',
      tag: '2.1',
    });
    const local = parseImageReference('docker-demo:0.3.0');
    assert.ok(local);
    assert.deepEqual(quarantineTag(local), { repository: 'quarantine/docker-demo', tag: '0.3.0' });
    const digestOnly = parseImageReference(`ghcr.io/o/app@${DIGEST}`);
    assert.ok(digestOnly);
    assert.deepEqual(quarantineTag(digestOnly), {
      repository: 'quarantine/ghcr-io/o/app',
      tag: 'abababababab',
    });
    const untagged = parseImageReference('app');
    assert.ok(untagged);
    assert.equal(quarantineTag(untagged).tag, 'latest');
    // The quarantine name is itself a valid reference.
    const q = quarantineTag(registry);
    assert.ok(parseImageReference(`${q.repository}:${q.tag}`));
  });

  it('formats a parsed reference back to the same text', () => {
    for (const text of [
      'registry.example.com:5000/team/tool:2.1',
      `ghcr.io/o/app:1@${DIGEST}`,
      'app',
    ]) {
      const parsed = parseImageReference(text);
      assert.ok(parsed);
      assert.equal(formatReference(parsed), text);
    }
  });
});
