// Local test images for the Docker engine of dockerEngine.mjs. No registry is reachable here, so
// every image is made from files on this machine and loaded with `docker import` (no RUN needed):
// - busyboxImage: FROM-scratch-like rootfs with Debian's static busybox (package busybox-static);
// - buildImage: any Dockerfile + files, built by the engine (legacy builder).
// See test/support/README.md.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
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
