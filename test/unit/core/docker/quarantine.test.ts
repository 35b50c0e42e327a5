// quarantine()'s own steps and what it puts back when one fails. The engine is a stand-in here:
// an in-memory tag table that records each call and can be told to fail one step, because a real
// dockerd cannot be made to fail after the labelled copy exists (the docker integration suite
// covers the real engine: a refused name, ONBUILD images, config and layers kept).
import * as assert from 'node:assert/strict';
import type { DockerClient, RelabelRequest } from '../../../../src/core/docker/dockerClient';
import type { ImageDetails } from '../../../../src/core/docker/dockerModel';
import { quarantine } from '../../../../src/core/docker/quarantine';

const ORIGINAL = 'sha256:original';
const COPY = 'sha256:copy';

/** The stand-in engine's tags before any quarantine: both name the original image. */
const originalTags: ReadonlyMap<string, string> = new Map([
  ['shop:1.0', ORIGINAL],
  ['shop:latest', ORIGINAL],
]);

/** Tags → image ids, with a log of calls; `failOn` makes the matching call reject. */
function standInEngine(failOn?: (call: string) => boolean) {
  const tags = new Map(originalTags);
  const calls: string[] = [];
  const step = (call: string): void => {
    calls.push(call);
    if (failOn?.(call) === true) throw new Error(`engine refused: ${call}`);
  };
  const details = (id: string): ImageDetails => ({
    id,
    tags: [...tags].filter(([, image]) => image === id).map(([tag]) => tag),
    labels: {},
    user: '',
    layers: 1,
    os: 'linux',
    sizeBytes: 1,
    parent: '',
  });
  const unused = (): never => {
    throw new Error('not used by quarantine');
  };
  const client: Partial<DockerClient> = {
    inspectImage: (reference) => Promise.resolve(details(tags.get(reference) ?? reference)),
    relabelImage: (request: RelabelRequest) => {
      step(`relabel ${request.image} ${request.repository}:${request.tag}`);
      tags.set(`${request.repository}:${request.tag}`, COPY);
      return Promise.resolve(COPY);
    },
    tagImage: (reference, repository, tag) => {
      step(`tag ${reference} ${repository}:${tag}`);
      tags.set(`${repository}:${tag}`, tags.get(reference) ?? reference);
      return Promise.resolve();
    },
    removeImage: (reference) => {
      step(`rmi ${reference}`);
      tags.delete(reference);
      return Promise.resolve();
    },
    build: unused,
    createContainer: unused,
    startContainer: unused,
  };
  return { client: client as DockerClient, tags, calls };
}

describe('quarantine (steps and putting back)', () => {
  it('labels a copy, then takes every original tag away; never builds or starts anything', async () => {
    const engine = standInEngine();
    assert.equal(await quarantine(engine.client, 'shop:1.0', 'CVE'), COPY);
    assert.deepEqual(engine.calls, [
      `relabel ${ORIGINAL} quarantine/shop:1.0`,
      'rmi shop:1.0',
      'rmi shop:latest',
    ]);
    assert.deepEqual([...engine.tags], [['quarantine/shop:1.0', COPY]]);
  });

  it('puts the original tags back and removes the copy when taking a tag away fails', async () => {
    const engine = standInEngine((call) => call === 'rmi shop:latest');
    await assert.rejects(quarantine(engine.client, 'shop:1.0', 'CVE'), /engine refused/);
    assert.deepEqual(new Map(engine.tags), originalTags);
    assert.ok(engine.calls.includes('rmi quarantine/shop:1.0'), engine.calls.join('\n'));
  });

  it('leaves the tags alone and removes nothing when the copy cannot be made', async () => {
    const engine = standInEngine((call) => call.startsWith('relabel'));
    await assert.rejects(quarantine(engine.client, 'shop:1.0', 'CVE'), /engine refused/);
    assert.deepEqual(new Map(engine.tags), originalTags);
    // A quarantine/… tag that was there before (another image's) is not removed.
    assert.ok(!engine.calls.some((call) => call.startsWith('rmi')), engine.calls.join('\n'));
  });
});
