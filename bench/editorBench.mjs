// Benchmarks in the real extension host (code-server + Chromium, the test harness):
//   activation: OpenPypi's own activation cost from VS Code's marks, median of 5 starts with
//               dist/extension.js's code cache (each after a first start of the same state,
//               measured too: a version's first start compiles the bundle and writes the cache),
//               and the size of the production bundle dist/extension.js;
//   import:     "Import SARIF" of 10,000 and 100,000 generated results over 5,000 files until all
//               diagnostics are present, median of 3, with the longest event-loop block and the
//               memory growth; also the main thread's own CPU time for the import and its longest
//               CPU stretch between two 10 ms timer ticks (figures the machine's load does not
//               inflate; see bench/host/importMeasurement.ts), the minor page faults of the
//               extension host (memory touched afresh), and its main thread's garbage
//               collections (their time and the longest young-generation collection);
//   floor:      the same figures for the least any extension does to show the same results as
//               diagnostics, without OpenPypi (bench/host/diagnosticsFloorProbe.ts): no reading,
//               no parsing, no findings, only the Diagnostic objects handed to a collection as
//               OpenPypi hands its own. The floor under the import's figures on this machine.
// Usage: node bench/editorBench.mjs [activation] [import] [floor] [--out FILE] [--profile DIR]
//        [--results N]...  (every benchmark and 10,000 + 100,000 results by default).
// --profile DIR writes the extension host's CPU profile of the first import of each size there
// (profiling slows that import down: do not report figures from such a run).
// Prints the JSON report last on stdout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { probeExtensionDir } from '../test/harness/harnessPaths.mjs';
import { runInVscode } from '../test/harness/runInVscode.mjs';
import { generateSarifLog } from './generateSarifLog.mjs';

const root = path.resolve(import.meta.dirname, '..');
// --out FILE also writes the JSON report to FILE (the bench runner reads it from there).
/** @param {string} flag */
const values = (flag) =>
  process.argv.flatMap((arg, i) =>
    arg === flag && process.argv[i + 1] ? [process.argv[i + 1]] : [],
  );
const outFile = values('--out').at(-1);
const profileDir = values('--profile').at(-1);
const sizes = values('--results').map(Number);
const withValue = new Set(['--out', '--profile', '--results']);
const wanted = process.argv
  .slice(2)
  .filter((arg, i, all) => !withValue.has(arg) && !withValue.has(all[i - 1] ?? ''));
const want = (name) => wanted.length === 0 || wanted.includes(name);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--production'], {
  stdio: ['ignore', 2, 2],
});
await esbuild.build({
  entryPoints: [
    'bench/host/activationProbe.ts',
    'bench/host/importProbe.ts',
    'bench/host/diagnosticsFloorProbe.ts',
  ],
  absWorkingDir: root,
  outdir: 'out/bench/host',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'warning',
});

/**
 * The medians (and each run) of three samples of bench/host/importMeasurement.ts.
 * @param {Record<string, number>[]} samples
 */
const summary = (samples) => ({
  medianMs: round(median(samples.map((s) => s.ms))),
  runsMs: samples.map((s) => round(s.ms)),
  longestBlockMs: round(median(samples.map((s) => s.longestBlockMs))),
  longestBlocksMs: samples.map((s) => round(s.longestBlockMs)),
  rssGrowthMb: round(median(samples.map((s) => s.rssGrowthMb))),
  heapGrowthMb: round(median(samples.map((s) => s.heapGrowthMb))),
  processCpuMs: round(median(samples.map((s) => s.processCpuMs))),
  minorPageFaults: median(samples.map((s) => s.minorPageFaults)),
  minorPageFaultsRuns: samples.map((s) => s.minorPageFaults),
  gcMs: round(median(samples.map((s) => s.gcMs))),
  longestMinorGcMs: round(median(samples.map((s) => s.longestMinorGcMs))),
  longestMinorGcsMs: samples.map((s) => round(s.longestMinorGcMs)),
  // The extension host's main-thread CPU (absent where Node lacks process.threadCpuUsage).
  ...(samples.every((s) => typeof s.hostCpuMs === 'number')
    ? {
        hostCpuMs: round(median(samples.map((s) => s.hostCpuMs))),
        longestBlockCpuMs: round(median(samples.map((s) => s.longestBlockCpuMs))),
      }
    : {}),
});

const temp = mkdtempSync(path.join(os.tmpdir(), 'openpypi-bench-'));
const report = {
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
};
try {
  if (want('activation')) {
    // Each round: a start with a fresh state (a version's first start: dist/main.js compiles
    // dist/extension.js and writes its code cache), then a start of the same state (every start
    // after that: the code cache is used). The target holds for the later starts.
    const first = [];
    const own = [];
    const load = [];
    const activate = [];
    for (let i = 0; i < 5; i++) {
      const stateDir = path.join(temp, `activation-state-${i}`);
      for (const start of ['first', 'later']) {
        const out = path.join(temp, `activation-${i}-${start}.json`);
        const result = await runInVscode({
          name: `bench-activation-${i}-${start}`,
          workspace: path.join(root, 'test/workspaces/demo'),
          testsPath: path.join(root, 'out/bench/host/activationProbe.js'),
          env: {
            OPENPYPI_BENCH_OUT: out,
            ...(start === 'first' ? { OPENPYPI_BENCH_WAIT_CODE_CACHE: '1' } : {}),
          },
          stateDir,
          quiet: true,
        });
        if (result.exitCode !== 0)
          throw new Error(`activation run ${i} (${start} start) failed: ${result.failure ?? ''}`);
        const marks = JSON.parse(readFileSync(out, 'utf8'));
        if (start === 'first') {
          first.push(marks.ownMs);
          continue;
        }
        own.push(marks.ownMs);
        load.push(marks.loadMs);
        activate.push(marks.activateMs);
      }
    }
    report.activation = {
      medianMs: round(median(own), 2),
      runsMs: own.map((v) => round(v, 2)),
      medianLoadMs: round(median(load), 2),
      medianActivateMs: round(median(activate), 2),
      firstStartMedianMs: round(median(first), 2),
      firstStartRunsMs: first.map((v) => round(v, 2)),
      bundleKb: round(statSync(path.join(root, 'dist/extension.js')).size / 1024),
    };
  }
  // The import of OpenPypi, and the floor under it: the same samples, the same report.
  for (const [benchmark, probe, extensionDevelopmentPath] of [
    ['import', 'importProbe.js', root],
    ['floor', 'diagnosticsFloorProbe.js', probeExtensionDir],
  ]) {
    if (!want(benchmark)) continue;
    report[benchmark] = {};
    for (const results of sizes.length > 0 ? sizes : [10_000, 100_000]) {
      const log = path.join(temp, `log-${results}.sarif`);
      if (benchmark === 'import')
        writeFileSync(log, JSON.stringify(generateSarifLog({ results, files: 5000 })));
      const out = path.join(temp, `${benchmark}-${results}.json`);
      const result = await runInVscode({
        name: `bench-${benchmark}-${results}`,
        workspace: null,
        extensionDevelopmentPath,
        testsPath: path.join(root, 'out/bench/host', probe),
        env: {
          OPENPYPI_BENCH_OUT: out,
          OPENPYPI_BENCH_LOG: log,
          OPENPYPI_BENCH_RESULTS: String(results),
          ...(profileDir ? { OPENPYPI_BENCH_PROFILE: path.resolve(profileDir) } : {}),
        },
        timeoutMs: 600_000,
        quiet: true,
      });
      if (result.exitCode !== 0)
        throw new Error(`${benchmark} run ${results} failed: ${result.failure ?? ''}`);
      report[benchmark][results] = summary(JSON.parse(readFileSync(out, 'utf8')));
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
  // Leave a development build behind, as the tests expect.
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    stdio: ['ignore', 2, 2],
  });
}
if (outFile) writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
