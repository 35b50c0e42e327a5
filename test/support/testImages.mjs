// Local test images for the Docker engine of dockerEngine.mjs. No registry is reachable here, so
// every image is made from files on this machine and loaded with `docker import` (no RUN needed):
// - busyboxImage: FROM-scratch-like rootfs with Debian's static busybox (package busybox-static);
// - buildImage: any Dockerfile + files, built by the engine (legacy builder).
// See test/support/README.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BUSYBOX_IMAGE = 'openpypi-test/busybox:1';
const BUSYBOX = process.env.OPENPYPI_TEST_BUSYBOX ?? '/bin/busybox';

/**
 * Imports a rootfs folder as an image. `changes` are Dockerfile instructions (`CMD [...]`, `ENV ...`).
 * @param {import('./dockerEngine.mjs').DockerEngine} engine
 * @param {string} rootfs
 * @param {string} tag
 * @param {string[]} [changes]
 */
export async function importRootfs(engine, rootfs, tag, changes = []) {
  const tarball = `${rootfs}.tar`;
  try {
    execFileSync('tar', ['--numeric-owner', '-C', rootfs, '-cf', tarball, '.']);
    await engine.docker([
      'import',
      ...changes.flatMap((change) => ['--change', change]),
      tarball,
      tag,
    ]);
  } finally {
    rmSync(tarball, { force: true });
  }
  return tag;
}

/**
 * Lays out a minimal Unix tree with busybox and a symlink per applet in /bin into `rootfs`.
 * @param {string} rootfs
 */
export function addBusybox(rootfs) {
  for (const dir of ['bin', 'etc', 'tmp', 'root', 'proc', 'sys', 'dev', 'usr/sbin']) {
    mkdirSync(path.join(rootfs, dir), { recursive: true });
  }
  chmodSync(rootfs, 0o755);
  chmodSync(path.join(rootfs, 'tmp'), 0o1777);
  copyFileSync(BUSYBOX, path.join(rootfs, 'bin/busybox'));
  chmodSync(path.join(rootfs, 'bin/busybox'), 0o755);
  const applets = execFileSync(BUSYBOX, ['--list'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const applet of applets) {
    if (applet !== 'busybox') symlinkSync('busybox', path.join(rootfs, 'bin', applet));
  }
  writeFileSync(
    path.join(rootfs, 'etc/passwd'),
    'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n',
  );
  writeFileSync(path.join(rootfs, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n');
}

/**
 * The base test image: busybox on an empty rootfs, `CMD ["/bin/sh"]`.
 * @param {import('./dockerEngine.mjs').DockerEngine} engine
 * @param {string} [tag]
 */
export async function busyboxImage(engine, tag = BUSYBOX_IMAGE) {
  const rootfs = mkdtempSync(path.join(os.tmpdir(), 'openpypi-busybox-'));
  try {
    addBusybox(rootfs);
    return await importRootfs(engine, rootfs, tag, ['CMD ["/bin/sh"]', 'ENV PATH=/bin']);
  } finally {
    rmSync(rootfs, { recursive: true, force: true });
  }
}

/**
 * Builds a Dockerfile with the engine: `files` (relative path → text) form the context.
 * @param {import('./dockerEngine.mjs').DockerEngine} engine
 * @param {{ tag: string, dockerfile: string, files?: Record<string, string>, buildArgs?: Record<string, string> }} spec
 * @returns {Promise<string>} the build output
 */
export async function buildImage(engine, spec) {
  const context = mkdtempSync(path.join(os.tmpdir(), 'openpypi-context-'));
  try {
    writeFileSync(path.join(context, 'Dockerfile'), spec.dockerfile);
    for (const [file, text] of Object.entries(spec.files ?? {})) {
      mkdirSync(path.dirname(path.join(context, file)), { recursive: true });
      writeFileSync(path.join(context, file), text);
    }
    const args = Object.entries(spec.buildArgs ?? {}).flatMap(([k, v]) => [
      '--build-arg',
      `${k}=${v}`,
    ]);
    return await engine.docker(['build', '-t', spec.tag, ...args, context]);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/**
 * An image whose history has `entries` records (default 10,000): one real layer (the busybox
 * rootfs) and `entries - 1` empty-layer records (as LABEL or ENV steps leave). A Dockerfile
 * cannot make that many steps in reasonable time, so the image is written as a `docker save`
 * archive (manifest.json, config, one layer.tar) and loaded with `docker load`.
 * @param {import('./dockerEngine.mjs').DockerEngine} engine
 * @param {string} tag
 * @param {number} [entries]
 */
export async function manyHistoryImage(engine, tag, entries = 10_000) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openpypi-history-'));
  try {
    const rootfs = path.join(dir, 'rootfs');
    mkdirSync(rootfs);
    addBusybox(rootfs);
    const archive = path.join(dir, 'archive');
    mkdirSync(path.join(archive, 'layer'), { recursive: true });
    const layer = path.join(archive, 'layer', 'layer.tar');
    execFileSync('tar', ['--numeric-owner', '-C', rootfs, '-cf', layer, '.']);
    const diffId = `sha256:${createHash('sha256').update(readFileSync(layer)).digest('hex')}`;
    const created = '2026-01-01T00:00:00Z';
    const history = [{ created, created_by: 'busybox rootfs (test image)' }];
    for (let i = 1; i < entries; i += 1) {
      history.push({ created, created_by: `LABEL step=${String(i)}`, empty_layer: true });
    }
    const config = JSON.stringify({
      architecture: process.arch === 'arm64' ? 'arm64' : 'amd64',
      os: 'linux',
      created,
      config: { Cmd: ['/bin/sh'], Env: ['PATH=/bin'] },
      rootfs: { type: 'layers', diff_ids: [diffId] },
      history,
    });
    const configName = `${createHash('sha256').update(config).digest('hex')}.json`;
    writeFileSync(path.join(archive, configName), config);
    writeFileSync(
      path.join(archive, 'manifest.json'),
      JSON.stringify([{ Config: configName, RepoTags: [tag], Layers: ['layer/layer.tar'] }]),
    );
    const tarball = path.join(dir, 'image.tar');
    execFileSync('tar', ['-C', archive, '-cf', tarball, '.']);
    await engine.docker(['load', '-i', tarball]);
    return tag;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
