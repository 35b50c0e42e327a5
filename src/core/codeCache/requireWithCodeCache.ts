import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import { writeFileAtomicallySync } from '../files/writeFileAtomicallySync';

/** A CommonJS file evaluated with V8's code cache. */
export interface CodeCachedModule<T> {
  /** What the file assigned to `module.exports`. */
  readonly exports: T;
  /** Whether V8 took its compiled code from the cache instead of compiling the source. */
  readonly fromCache: boolean;
  /**
   * Writes the cache when there was none or V8 rejected it. Call it once the module has run for
   * a while: the functions it has compiled by then are in the cache too. Never throws: without
   * a cache the next load compiles the source, as `require` does.
   */
  saveCache(): void;
}

type Wrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void;

/**
 * Evaluates a CommonJS file as `require` would, with V8's code cache kept in `cacheDir`.
 * Compiling dist/extension.js is most of the cost of loading it (about 5 ms of a 64 KB bundle
 * on a slow machine), and the functions activation calls are compiled again on every start;
 * with the cache V8 deserialises them instead.
 *
 * The cache's name holds a hash of the source, V8's version and the architecture: V8 itself
 * checks only the source's length, so a changed bundle of the same length must never meet an
 * old cache. Caches of other versions of the file are removed when a new one is written.
 */
export function requireWithCodeCache<T>(file: string, cacheDir: string): CodeCachedModule<T> {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256')
    .update(source)
    .update(`\0${process.versions.v8}\0${process.arch}`)
    .digest('hex')
    .slice(0, 32);
  const prefix = `${path.basename(file)}.`;
  const cacheFile = path.join(cacheDir, `${prefix}${key}.v8cache`);
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const wrapper = script.runInThisContext() as Wrapper;
  const module = { exports: {} as unknown };
  wrapper.call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    path.dirname(file),
  );
  let saved = fromCache;
  return {
    exports: module.exports as T,
    fromCache,
    saveCache() {
      if (saved) return;
      saved = true;
      try {
        mkdirSync(cacheDir, { recursive: true });
        // Written aside and renamed: another window may be reading or writing the same cache.
        writeFileAtomicallySync(cacheFile, script.createCachedData());
        const isOtherCache = (name: string): boolean =>
          name.startsWith(prefix) && name.endsWith('.v8cache') && name !== path.basename(cacheFile);
        for (const name of readdirSync(cacheDir)) {
          if (isOtherCache(name)) {
            rmSync(path.join(cacheDir, name), { force: true });
          }
        }
      } catch {
        // A read-only or full disk: the next load compiles the source.
      }
    },
  };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
