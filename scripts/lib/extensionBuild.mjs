// The esbuild options of the extension's bundle and its lazily loaded files, shared by
// scripts/build.mjs and the test that guards the bundle's boundaries
// (test/unit/build/bundleBoundaries.test.ts).
import { readFileSync } from 'node:fs';
import { lazyRuntimeEntries, lazyRuntimesPlugin } from './lazyRuntimes.mjs';

/**
 * One `vscode` namespace per bundle. esbuild turns each module's `import * as vscode from
 * 'vscode'` into its own copy of the API object (a getter per export: about 350), which cost
 * the extension host 30-90 ms at load for 40 modules. Routed through one ES module that
 * re-exports `vscode`, the copy is made once.
 * @type {import('esbuild').Plugin}
 */
export const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once'
        ? { path: 'vscode', external: true }
        : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({
      contents: 'export * from "vscode";',
      loader: 'js',
    }));
  },
};

/**
 * docker-modem (in dist/docker-runtime.js) requires `ssh2` at load time for ssh:// engines, and
 * ssh2 brings optional native addons (cpu-features, its crypto binding) that must not be bundled.
 * OpenPypi refuses ssh:// engines (src/core/docker/engineAddress.ts), so ssh2 is replaced by a
 * stub that says so.
 * @param {string} root the repository
 * @returns {import('esbuild').Plugin}
 */
function ssh2Stub(root) {
  return {
    name: 'ssh2-stub',
    setup(build) {
      build.onResolve({ filter: /^ssh2$/ }, () => ({
        path: `${root}/src/core/docker/ssh2Unavailable.ts`,
      }));
    },
  };
}

/**
 * @cdktf/hcl2json (in dist/cloud-runtime.js) reads its WebAssembly from
 * `__dirname/../main.wasm.gz`; bundled, __dirname is dist/, so the read is pointed at
 * dist/hcl2json.wasm.gz, which scripts/build.mjs copies there (and .vscodeignore ships).
 * @type {import('esbuild').Plugin}
 */
const hcl2jsonWasm = {
  name: 'hcl2json-wasm',
  setup(build) {
    build.onLoad({ filter: /[\\/]@cdktf[\\/]hcl2json[\\/]lib[\\/]bridge\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const from = '(0, path_1.join)(__dirname, "..", "main.wasm.gz")';
      if (!source.includes(from)) {
        throw new Error(
          `${args.path} no longer reads ${from}: update scripts/lib/extensionBuild.mjs`,
        );
      }
      return {
        contents: source.replace(from, '(0, path_1.join)(__dirname, "hcl2json.wasm.gz")'),
        loader: 'js',
      };
    });
  },
};

/**
 * dist/extension.js is evaluated at every activation: it holds the registration glue only.
 * Everything heavy is a lazily loaded runtime of its own (src/**\/*Runtime.ts ->
 * dist/*-runtime.js, found by name): how to add one is in scripts/lib/lazyRuntimes.mjs.
 * @param {string} root the repository
 * @returns {import('esbuild').BuildOptions} entry points, plugins and externals (no output mode)
 */
export function extensionBuildOptions(root) {
  return {
    entryPoints: {
      // package.json's main: evaluates dist/extension.js with V8's code cache (src/main.ts).
      main: 'src/main.ts',
      extension: 'src/extension.ts',
      ...lazyRuntimeEntries(root),
      findingsImportWorker: 'src/core/findings/findingsImportWorker.ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    absWorkingDir: root,
    outdir: 'dist',
    // hcl2json's Go glue falls back to require("performance") where globalThis.performance is
    // missing; Node 20 has it, so that require never runs.
    external: ['vscode', 'performance'],
    plugins: [vscodeOnce, lazyRuntimesPlugin(root), ssh2Stub(root), hcl2jsonWasm],
    // Emit require() for the lazy runtimes: the extension host loads CommonJS.
    supported: { 'dynamic-import': false },
  };
}
