// `npm run bench`: runs every benchmark under bench/ one after the other and writes ONE JSON
// report (default bench/results/latest.json) with the machine's description and every figure as
// { benchmark, name, value, unit, better, target? } (bench/runFigures.mjs reads the outputs).
//
//   npm run bench                                   every benchmark (several minutes)
//   npm run bench -- --only editor --only providers some of them
//   npm run bench -- --out /tmp/report.json         elsewhere
//
// Benchmarks: editor (bench/editorBench.mjs: activation, Import SARIF and the diagnostics floor
// under it, in the real extension host), sarifImport (bench/sarifImport.ts, which runs
// bench/sarifImportWorker.ts in a child process per measurement), scanOverhead
// (bench/scanOverhead.ts, needs Bandit on PATH) and providers (bench/providers.ts). A benchmark
// that fails is recorded under "failures" with its error, the others still run, and the exit
// code is 1.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freshPageCostUs } from './freshPageCost.mjs';
import {
  editorFigures,
  lastJsonObject,
  providersFigures,
  sarifImportFigures,
  scanOverheadFigures,
} from './runFigures.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

/** @param {string} flag */
const values = (flag) =>
  process.argv.flatMap((arg, i) =>
    arg === flag && process.argv[i + 1] ? [process.argv[i + 1]] : [],
  );
const outFile = path.resolve(
  values('--out').at(-1) ?? path.join(root, 'bench/results/latest.json'),
);
const only = values('--only');

/**
 * Runs a command (argument array, no shell), its stderr passed through; resolves its stdout.
 * @param {string[]} args arguments of node
 * @returns {Promise<string>}
 */
function runNode(args) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      args,
      { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => {
        if (error) reject(new Error(`node ${args.join(' ')} failed: ${error.message}`));
        else resolve(stdout);
      },
    );
    child.stderr?.pipe(process.stderr);
  });
}

/** @type {{ id: string, command: string, run: (temp: string) => Promise<object[]> }[]} */
const benchmarks = [
  {
    id: 'editor',
    command: 'node bench/editorBench.mjs activation import floor --out FILE',
    run: async (temp) => {
      const file = path.join(temp, 'editor.json');
      await runNode(['bench/editorBench.mjs', 'activation', 'import', 'floor', '--out', file]);
      return editorFigures(JSON.parse(readFileSync(file, 'utf8')));
    },
  },
  {
    id: 'sarifImport',
    command: 'npx tsx bench/sarifImport.ts',
    run: async () =>
      sarifImportFigures(
        lastJsonObject(await runNode([tsx, 'bench/sarifImport.ts']), 'sarifImport'),
      ),
  },
  {
    id: 'scanOverhead',
    command: 'npx tsx bench/scanOverhead.ts',
    run: async () =>
      scanOverheadFigures(
        lastJsonObject(await runNode([tsx, 'bench/scanOverhead.ts']), 'scanOverhead'),
      ),
  },
  {
    id: 'providers',
    command: 'npx tsx bench/providers.ts',
    run: async () => {
      // It also times dist/ai-runtime.js, which only a build makes.
      await runNode(['scripts/build.mjs']);
      return providersFigures(await runNode([tsx, 'bench/providers.ts']));
    },
  },
];

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    });
    return { commit: commit.trim(), uncommittedChanges: status.trim() !== '' };
  } catch {
    return { commit: 'unknown (not a git checkout)', uncommittedChanges: false };
  }
}

/** @param {number[]} load */
const rounded = (load) => load.map((value) => Math.round(value * 100) / 100);

function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuMHz: cpus[0]?.speed ?? 0,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((os.freemem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: rounded(os.loadavg()),
    // The same code measured up to twice as slow on 27 November with the VM up for 21-23 hours
    // as after it was restarted that evening, when a fresh page of memory cost about 12 µs
    // against 1.6-2.5 µs after (README, Performance): both go with the figures.
    uptimeHours: Math.round(os.uptime() / 360) / 10,
    freshPageUs: freshPageCostUs(),
    node: process.version,
  };
}

async function main() {
  const unknown = only.filter((id) => !benchmarks.some((b) => b.id === id));
  if (unknown.length > 0) {
    throw new Error(
      `--only ${unknown.join(', ')}: no such benchmark; use one of ${benchmarks.map((b) => b.id).join(', ')}`,
    );
  }
  const selected = benchmarks.filter((b) => only.length === 0 || only.includes(b.id));
  const report = {
    schema: 'openpypi-bench/1',
    date: new Date().toISOString(),
    ...gitCommit(),
    machine: machine(),
    /** @type {object[]} */
    benchmarks: [],
    /** @type {object[]} */
    figures: [],
    /** @type {{ benchmark: string, error: string }[]} */
    failures: [],
  };
  const temp = mkdtempSync(path.join(os.tmpdir(), 'openpypi-bench-run-'));
  try {
    for (const benchmark of selected) {
      const loadAtStart = rounded(os.loadavg());
      const started = performance.now();
      console.error(`bench: ${benchmark.id} (${benchmark.command}), load ${loadAtStart.join(' ')}`);
      try {
        const figures = await benchmark.run(temp);
        report.figures.push(...figures);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`bench: ${benchmark.id} FAILED: ${message}`);
        report.failures.push({ benchmark: benchmark.id, error: message });
      }
      report.benchmarks.push({
        id: benchmark.id,
        command: benchmark.command,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        loadAverageAtStart: loadAtStart,
      });
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.error(
    `bench: ${report.figures.length} figures written to ${path.relative(process.cwd(), outFile)}` +
      (report.failures.length > 0 ? `; ${report.failures.length} benchmark(s) failed` : ''),
  );
  if (report.failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
