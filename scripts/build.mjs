// Bundles the extension (dist/extension.js), the CLI (dist/cli.js) and the integration tests
// (out/test/integration/*.js) with esbuild. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

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
 * The AI runtime (openai SDK, tokenizer, price table: megabytes) is a file of its own,
 * dist/ai-runtime.js, that the AI provider loads with a lazy require (or import()) on first use.
 * This plugin turns that into a require of the file instead of bundling it into
 * dist/extension.js, which stays small and fast to activate.
 * @type {esbuild.Plugin}
 */
const lazyAiRuntime = {
  name: 'lazy-ai-runtime',
  setup(build) {
    build.onResolve({ filter: /(^|[\\/])aiRuntime$/ }, (args) =>
      args.kind === 'dynamic-import' || args.kind === 'require-call'
        ? { path: './ai-runtime.js', external: true }
        : undefined,
    );
  },
};

/**
 * The database runtime (pg, sql.js) is dist/database-runtime.js, required lazily by
 * src/core/database/openSession.ts on first use, like the AI runtime; sql.js's WebAssembly is
 * copied next to it (dist/sql-wasm.wasm).
 * @type {esbuild.Plugin}
 */
const lazyDatabaseRuntime = {
  name: 'lazy-database-runtime',
  setup(build) {
    build.onResolve({ filter: /(^|[\\/])databaseRuntime$/ }, (args) =>
      args.kind === 'dynamic-import' || args.kind === 'require-call'
        ? { path: './database-runtime.js', external: true }
        : undefined,
    );
  },
};

function copySqlJsWasm() {
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  copyFileSync(
    path.join(root, 'node_modules/sql.js/dist/sql-wasm.wasm'),
    path.join(root, 'dist/sql-wasm.wasm'),
  );
}

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: {
      extension: 'src/extension.ts',
      'ai-runtime': 'src/core/ai/aiRuntime.ts',
      'database-runtime': 'src/core/database/databaseRuntime.ts',
      findingsImportWorker: 'src/core/findings/findingsImportWorker.ts',
    },
    outdir: 'dist',
    external: ['vscode'],
    metafile: true,
    plugins: [lazyAiRuntime, lazyDatabaseRuntime],
    // Emit require() for the lazy runtime: the extension host loads CommonJS.
    supported: { 'dynamic-import': false },
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
if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
