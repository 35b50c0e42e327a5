// Bundles the extension (dist/extension.js), the CLI (dist/cli.js) and the integration tests
// (out/test/integration/*.js) with esbuild. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { extensionBuildOptions } from './lib/extensionBuild.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = path.resolve(import.meta.dirname, '..');

/** @param {string} dir @returns {string[]} */
function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * sql.js's WebAssembly goes next to dist/database-runtime.js, which loads it from there.
 */
function copySqlJsWasm() {
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  copyFileSync(
    path.join(root, 'node_modules/sql.js/dist/sql-wasm.wasm'),
    path.join(root, 'dist/sql-wasm.wasm'),
  );
}

/**
 * @cdktf/hcl2json's WebAssembly goes next to dist/cloud-runtime.js, which reads it from there
 * (the hcl2jsonWasm plugin in scripts/lib/extensionBuild.mjs points its read at dist/).
 */
function copyHclWasm() {
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  copyFileSync(
    path.join(root, 'node_modules/@cdktf/hcl2json/main.wasm.gz'),
    path.join(root, 'dist/hcl2json.wasm.gz'),
  );
}

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    ...common,
    // The extension (registration glue only) and its lazily loaded runtimes: see
    // scripts/lib/extensionBuild.mjs and scripts/lib/lazyRuntimes.mjs.
    ...extensionBuildOptions(root),
    metafile: true,
  },
];
if (existsSync(path.join(root, 'src/cli/main.ts'))) {
  builds.push({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  });
}
const integration = testFiles(path.join(root, 'test/integration'));
if (!production && integration.length > 0) {
  builds.push({
    ...common,
    entryPoints: integration,
    outbase: 'test/integration',
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
  });
}

if (!watch) {
  // dist/ is overwritten in place, never emptied first: a VS Code running from it keeps working.
  if (!production) rmSync(path.join(root, 'out'), { recursive: true, force: true });
}

copySqlJsWasm();
copyHclWasm();
if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
