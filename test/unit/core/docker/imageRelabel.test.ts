import * as assert from 'node:assert/strict';
import {
  NEVER_RUN_ENTRYPOINT,
  relabelDifferences,
  relabelPlan,
} from '../../../../src/core/docker/imageRelabel';

/** An image config as dockerd 20.10's inspect returns it, with only `fields` set. */
function imageConfig(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
    ...fields,
  };
}

const full = imageConfig({
  User: '1234:1234',
  ExposedPorts: { '8080/tcp': {} },
  Env: ['PATH=/bin', 'A=1'],
  Entrypoint: ['/bin/echo'],
  Cmd: ['hello'],
  Volumes: { '/data': {} },
  WorkingDir: '/app/work',
  Labels: { keep: 'me', 'openpypi.quarantine': '' },
  StopSignal: 'SIGINT',
  Healthcheck: { Test: ['CMD', 'true'], Interval: 5_000_000_000 },
  OnBuild: ['RUN touch /onbuild-ran'],
});
const labels = { 'openpypi.quarantine': 'found by a test', 'openpypi.quarantine.original-id': 'x' };

describe('relabelPlan / relabelDifferences (labelling an image without running it)', () => {
  it('commits the image’s own config with the labels added, ONBUILD and all', () => {
    const plan = relabelPlan(full, labels);
    assert.deepEqual(plan.config.OnBuild, ['RUN touch /onbuild-ran']);
    assert.deepEqual(plan.config, {
      ...full,
      Labels: { keep: 'me', ...labels },
    });
    // The image has a command: the container is created with it.
    assert.equal(plan.create.Entrypoint, undefined);
    // The original object is not touched.
    assert.deepEqual(full.Labels, { keep: 'me', 'openpypi.quarantine': '' });
  });

  it('creates the container in / when the image has a working directory (no mkdir, no new layer)', () => {
    assert.equal(relabelPlan(full, labels).create.WorkingDir, '/');
    assert.equal(relabelPlan(imageConfig({ Cmd: ['sh'] }), labels).create.WorkingDir, undefined);
    // The committed config keeps the image's own working directory.
    assert.equal(relabelPlan(full, labels).config.WorkingDir, '/app/work');
  });

  it('gives an image without Cmd or Entrypoint a never-run entrypoint for create only', () => {
    for (const bare of [imageConfig(), imageConfig({ Cmd: [], Entrypoint: [] })]) {
      const plan = relabelPlan(bare, labels);
      assert.deepEqual(plan.create.Entrypoint, NEVER_RUN_ENTRYPOINT);
      // An empty list, which the engine keeps, instead of null, which it would fill with the
      // container's entrypoint.
      assert.deepEqual(plan.config.Entrypoint, []);
      assert.equal(plan.config.Cmd, bare.Cmd);
    }
    // Either part of a command is enough for the engine.
    const entrypointOnly = imageConfig({ Entrypoint: ['/bin/sh'] });
    assert.equal(relabelPlan(entrypointOnly, labels).create.Entrypoint, undefined);
    assert.equal(relabelPlan(entrypointOnly, labels).config.Cmd, null);
  });

  it('finds nothing to object to in a faithful commit', () => {
    const committed = { ...full, Labels: { ...labels, keep: 'me' } };
    assert.deepEqual(relabelDifferences(full, labels, committed), []);
    // Missing and null are the same (API versions leave empty fields out).
    const withoutNulls = Object.fromEntries(
      Object.entries(imageConfig({ Cmd: ['sh'], Labels: labels })).filter(([, v]) => v !== null),
    );
    assert.deepEqual(relabelDifferences(imageConfig({ Cmd: ['sh'] }), labels, withoutNulls), []);
    // An image without a command comes back with an empty Entrypoint list.
    const bare = imageConfig();
    assert.deepEqual(
      relabelDifferences(bare, labels, { ...bare, Entrypoint: [], Labels: labels }),
      [],
    );
  });

  it('names every field the engine did not keep', () => {
    const bare = imageConfig();
    // The create-only entrypoint kept in the image: the engine merged it in.
    assert.deepEqual(
      relabelDifferences(bare, labels, {
        ...bare,
        Entrypoint: [...NEVER_RUN_ENTRYPOINT],
        Labels: labels,
      }),
      ['Entrypoint'],
    );
    assert.deepEqual(
      relabelDifferences(full, labels, {
        ...full,
        Cmd: ['other'],
        OnBuild: null,
        WorkingDir: '/',
        Labels: { ...labels },
      }),
      ['Cmd', 'Labels', 'OnBuild', 'WorkingDir'],
    );
  });
});
