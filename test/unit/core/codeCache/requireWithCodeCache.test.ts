import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireWithCodeCache } from '../../../../src/core/codeCache/requireWithCodeCache';

interface Answer {
  answer: number;
  helper: string;
  filename: string;
  dirname: string;
  self: boolean;
}

// A module with enough functions that V8 writes a cache for it, which also requires a file
// beside it (as dist/extension.js requires its runtimes) and checks what it is given.
const moduleSource = (answer: number): string => `
'use strict';
const helper = require('./helper.js');
${Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n')}
module.exports = {
  answer: () => f0(${answer}),
  helper,
  filename: __filename,
  dirname: __dirname,
  self: this === exports,
};
`;

const loader = path.resolve(__dirname, '../../../../src/core/codeCache/requireWithCodeCache.ts');

/**
 * Loads `file` in a new Node process, as a new extension host would: V8 keeps what it compiled
 * in memory for the life of the process, so a second load in the same one never reads the cache.
 */
function loadInNewProcess(
  file: string,
  cacheDir: string,
  save: boolean,
): Answer & { fromCache: boolean } {
  const script = `
    const { requireWithCodeCache } = require(${JSON.stringify(loader)});
    const loaded = requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
    ${save ? 'loaded.saveCache();' : ''}
    const e = loaded.exports;
    process.stdout.write(JSON.stringify({ ...e, answer: e.answer(), fromCache: loaded.fromCache }));
  `;
  const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as Answer & { fromCache: boolean };
}

describe('requireWithCodeCache', () => {
  let dir: string;
  let file: string;
  let cacheDir: string;
  const caches = (): string[] => readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache'));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'openpypi-code-cache-'));
    file = path.join(dir, 'glue.js');
    cacheDir = path.join(dir, 'storage', 'code-cache');
    writeFileSync(path.join(dir, 'helper.js'), "module.exports = 'beside';");
    writeFileSync(file, moduleSource(42));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('evaluates the file as require would: exports, require beside it, __filename, this', () => {
    const loaded = requireWithCodeCache<{ answer(): number } & Omit<Answer, 'answer'>>(
      file,
      cacheDir,
    );
    assert.equal(loaded.exports.answer(), 42);
    assert.equal(loaded.exports.helper, 'beside');
    assert.equal(loaded.exports.filename, file);
    assert.equal(loaded.exports.dirname, dir);
    assert.equal(loaded.exports.self, true);
    assert.equal(loaded.fromCache, false);
  });

  it('uses the cache saved by the start before, and does not write it again', () => {
    assert.equal(loadInNewProcess(file, cacheDir, true).fromCache, false);
    const [name = ''] = caches();
    const written = statSync(path.join(cacheDir, name)).mtimeMs;
    const again = loadInNewProcess(file, cacheDir, true);
    assert.deepEqual(again, { ...again, fromCache: true, answer: 42, helper: 'beside' });
    assert.deepEqual(caches(), [name]);
    assert.equal(statSync(path.join(cacheDir, name)).mtimeMs, written, 'written again');
  });

  it('never uses the cache of other source of the same length, and removes it', () => {
    loadInNewProcess(file, cacheDir, true);
    const [old] = caches();
    writeFileSync(file, moduleSource(43)); // one digit changed: same length
    const changed = loadInNewProcess(file, cacheDir, true);
    assert.equal(changed.fromCache, false);
    assert.equal(changed.answer, 43);
    assert.equal(caches().length, 1);
    assert.notEqual(caches()[0], old);
    assert.equal(loadInNewProcess(file, cacheDir, false).fromCache, true);
  });

  it('compiles the source when the cache is damaged, and replaces the cache', () => {
    loadInNewProcess(file, cacheDir, true);
    const [name = ''] = caches();
    writeFileSync(path.join(cacheDir, name), 'not a V8 code cache');
    const damaged = loadInNewProcess(file, cacheDir, true);
    assert.equal(damaged.fromCache, false);
    assert.equal(damaged.answer, 42);
    assert.equal(loadInNewProcess(file, cacheDir, false).fromCache, true);
  });

  it('does not throw when the cache cannot be written', () => {
    writeFileSync(path.join(dir, 'storage'), 'a file where the folder should be');
    assert.equal(loadInNewProcess(file, cacheDir, true).answer, 42);
    assert.equal(loadInNewProcess(file, cacheDir, false).fromCache, false);
  });
});
