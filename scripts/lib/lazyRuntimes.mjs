// Lazily loaded runtimes: ONE pattern for keeping heavy code (SDKs, parsers, the scan engine)
// out of dist/extension.js, which the extension host evaluates at every activation.
//
//   1. Put what is heavy behind one module whose file name ends in `Runtime.ts`, anywhere under
//      src/ (src/core/ai/aiRuntime.ts, src/core/security/securityRuntime.ts, ...). It re-exports
//      the functions and classes its callers need. The build finds it by its name and emits it
//      as a file of its own: fooBarRuntime.ts -> dist/foo-bar-runtime.js.
//   2. Elsewhere, refer to it with `import type` only, and load it on first use with a lazy
//      require of its path (see src/features/security/securityRuntimeLoader.ts):
//          import type * as FooRuntime from '../../core/foo/fooRuntime';
//          let runtime: typeof FooRuntime | undefined;
//          export function fooRuntime(): typeof FooRuntime {
//            // eslint-disable-next-line @typescript-eslint/no-require-imports
//            return (runtime ??= require('../../core/foo/fooRuntime') as typeof FooRuntime);
//          }
//      The plugin below turns that require into `require("./foo-runtime.js")`, next to
//      dist/extension.js. Unit tests (tsx, plain Node) require the TypeScript file itself.
//      A static value import of a runtime fails the build, naming the importer.
//   3. Two bundles means two copies of whatever both reach (UserError, CancelledError, small
//      helpers): recognise errors by `name` (isUserError, isCancelled), never by `instanceof` of a
//      class from the other side, and keep module state (caches, singletons) on one side only.
//      A class that must stay `instanceof`-checkable across bundles (ResultDiagnostic,
//      GithubRequestError) gets a static [Symbol.hasInstance] that checks a brand every copy sets.
//   4. What activation does not need stays out of dist/extension.js this way: each feature's
//      command implementations (fooCommandsRuntime.ts, required by the command's stub on its
//      first run) and the Providers view's sections (fooViewRuntime.ts, built through a
//      LazySection the first time the view draws the provider's row).
//   test/unit/build/bundleBoundaries.test.ts fails when an SDK or the scan engine lands in
//   dist/extension.js again, or when the bundle passes its size budget.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const runtimeFile = /^[a-z][A-Za-z0-9]*Runtime\.ts$/;

/** `fooBarRuntime` -> `foo-bar-runtime`, the name of its file in dist/. */
export function runtimeBundleName(moduleName) {
  return moduleName.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Every runtime module under `src/` of `root`, as esbuild entry points.
 * @param {string} root the repository
 * @returns {Record<string, string>} dist name -> source path (relative to root)
 */
export function lazyRuntimeEntries(root) {
  /** @type {Record<string, string>} */
  const entries = {};
  for (const file of readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })) {
    const base = path.basename(file);
    if (!runtimeFile.test(base)) continue;
    const name = runtimeBundleName(base.slice(0, -'.ts'.length));
    if (entries[name] !== undefined)
      throw new Error(
        `Two runtime modules would both become dist/${name}.js: ${entries[name]}, src/${file}`,
      );
    entries[name] = path.join('src', file).split(path.sep).join('/');
  }
  return entries;
}

/**
 * Resolves a lazy require (or import()) of a runtime module to the runtime's own file next to
 * the bundle, instead of bundling it; a static import of one is an error.
 * @param {string} root the repository
 * @returns {import('esbuild').Plugin}
 */
export function lazyRuntimesPlugin(root) {
  const runtimes = new Set(Object.values(lazyRuntimeEntries(root)).map((f) => path.join(root, f)));
  return {
    name: 'lazy-runtimes',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\/(.*\/)?[a-z][A-Za-z0-9]*Runtime$/ }, (args) => {
        const file = path.resolve(args.resolveDir, `${args.path}.ts`);
        if (!runtimes.has(file)) return undefined;
        if (args.kind === 'require-call' || args.kind === 'dynamic-import') {
          const name = runtimeBundleName(path.basename(args.path));
          return { path: `./${name}.js`, external: true };
        }
        return {
          errors: [
            {
              text: `${args.path} is a lazily loaded runtime: ${path.relative(root, args.importer)} may only "import type" it and load it with require() on first use (scripts/lib/lazyRuntimes.mjs).`,
            },
          ],
        };
      });
    },
  };
}
