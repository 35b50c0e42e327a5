// A STAND-IN for Docker's official python:<version>-slim-bookworm image, which cannot be pulled
// here (no registry is reachable). It is NOT that image: it is this machine's Debian Python
// (/usr/bin/python3, 3.11, with its standard library, its shared libraries and the pip and
// setuptools wheels of python3-venv) plus busybox, imported with `docker import` and tagged with
// the pinned tag a generated Dockerfile names, so that Dockerfile really builds and runs here.
// Differences a test must live with, and what was added to make up for them:
// - the interpreter is Debian's 3.11 whatever the tag says; `python` is in /usr/local/bin as in
//   the real image (a link to /usr/bin/python3.11);
// - groupadd/useradd are tiny shell stand-ins (busybox has no shadow tools) that append to
//   /etc/group and /etc/passwd;
// - no index is reachable: /etc/pip.conf sets no-index and find-links to a wheelhouse of
//   build backends repackaged from Debian's installs (standInWheelhouse.py: hatchling, packaging,
//   pathspec, pluggy, poetry-core, wheel) plus the pip and setuptools wheels. So `pip install .`
//   works for a project built with hatchling or poetry-core (setuptools only up to 66.1.1), and a
//   project's dependencies install only when their wheels are put in that folder
//   (`extraWheels`); a Poetry or uv build stage (pip install poetry/uv) cannot work here.
// See test/support/README.md.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addBusybox, importRootfs } from './testImages.mjs';

const PYTHON = '/usr/bin/python3.11';
const STDLIB = '/usr/lib/python3.11';
const WHEELS = '/usr/share/python-wheels';
export const STAND_IN_WHEELHOUSE = '/opt/openpypi-wheelhouse';
const SKIP_STDLIB = new Set([
  'config-3.11-x86_64-linux-gnu',
  'test',
  'idlelib',
  'tkinter',
  'turtledemo',
  'lib2to3',
  'pydoc_data',
]);

/**
 * Imports the stand-in under `tag` (for example pinnedBaseImage('3.12')).
 * @param {import('./dockerEngine.mjs').DockerEngine} engine
 * @param {string} tag
 * @param {{ extraWheels?: string[] }} [options] wheel files to add to the wheelhouse
 */
export async function pythonStandInImage(engine, tag, options = {}) {
  const rootfs = mkdtempSync(path.join(os.tmpdir(), 'openpypi-python-standin-'));
  try {
    addBusybox(rootfs);
    const put = (file) => {
      const target = path.join(rootfs, file);
      mkdirSync(path.dirname(target), { recursive: true });
      if (!existsSync(target)) copyFileSync(file, target);
    };
    put(PYTHON);
    for (const link of ['usr/bin/python3', 'usr/local/bin/python', 'usr/local/bin/python3']) {
      mkdirSync(path.join(rootfs, path.dirname(link)), { recursive: true });
      symlinkSync(PYTHON, path.join(rootfs, link));
    }
    cpSync(STDLIB, path.join(rootfs, STDLIB), {
      recursive: true,
      filter: (source) => !SKIP_STDLIB.has(path.relative(STDLIB, source).split(path.sep)[0] ?? ''),
    });
    const dynload = path.join(STDLIB, 'lib-dynload');
    const objects = [PYTHON, ...readdirSync(dynload).map((file) => path.join(dynload, file))];
    for (const library of sharedLibraries(objects)) put(library);
    const wheelhouse = path.join(rootfs, STAND_IN_WHEELHOUSE);
    cpSync(WHEELS, path.join(rootfs, WHEELS), { recursive: true });
    execFileSync('/usr/bin/python3', [
      path.join(import.meta.dirname, 'standInWheelhouse.py'),
      wheelhouse,
    ]);
    for (const wheel of readdirSync(WHEELS))
      copyFileSync(path.join(WHEELS, wheel), path.join(wheelhouse, wheel));
    for (const wheel of options.extraWheels ?? [])
      copyFileSync(wheel, path.join(wheelhouse, path.basename(wheel)));
    writeFileSync(
      path.join(rootfs, 'etc/pip.conf'),
      `# openpypi stand-in: no index is reachable\n[global]\nno-index = true\nfind-links = ${STAND_IN_WHEELHOUSE}\n`,
    );
    writeShim(rootfs, 'usr/sbin/groupadd', GROUPADD);
    writeShim(rootfs, 'usr/sbin/useradd', USERADD);
    mkdirSync(path.join(rootfs, 'usr/sbin'), { recursive: true });
    return await importRootfs(engine, rootfs, tag, [
      'ENV PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin',
      'ENV LANG=C.UTF-8',
      'CMD ["python3"]',
    ]);
  } finally {
    rmSync(rootfs, { recursive: true, force: true });
  }
}

/** Every shared library (absolute path) the given ELF files need, through ldd. */
function sharedLibraries(files) {
  const found = new Set();
  for (const file of files) {
    let output = '';
    try {
      output = execFileSync('ldd', [file], { encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const match of output.matchAll(/(?:=>\s*)?(\/\S+)\s+\(0x/g)) {
      if (match[1]) found.add(match[1]);
    }
  }
  return found;
}

function writeShim(rootfs, file, text) {
  writeFileSync(path.join(rootfs, file), text);
  chmodSync(path.join(rootfs, file), 0o755);
}

const GROUPADD = `#!/bin/sh
# openpypi stand-in for groupadd (busybox has none): groupadd [--system] [--gid N] NAME
gid=
while [ $# -gt 1 ]; do case "$1" in --gid|-g) gid=$2; shift 2;; *) shift;; esac; done
echo "$1:x:\${gid:-999}:" >> /etc/group
`;

const USERADD = `#!/bin/sh
# openpypi stand-in for useradd (busybox has none): useradd [--uid N] [--gid G] [--home-dir D] [--shell S] NAME
uid= gid= home=/nonexistent shell=/bin/false
while [ $# -gt 1 ]; do case "$1" in
  --uid|-u) uid=$2; shift 2;; --gid|-g) gid=$2; shift 2;;
  --home-dir|-d) home=$2; shift 2;; --shell|-s) shell=$2; shift 2;; *) shift;; esac; done
case "$gid" in ''|*[!0-9]*) gid=$(grep "^\${gid:-$1}:" /etc/group | cut -d: -f3);; esac
echo "$1:x:\${uid:-999}:\${gid:-999}::$home:$shell" >> /etc/passwd
`;
