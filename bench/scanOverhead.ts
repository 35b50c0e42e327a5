// Benchmark: `openpypi scan --tools bandit` against running Bandit by hand (`bandit -f json -q
// -r .`) on the same tree: the demo workspace's code copied 50 times into a temporary folder.
// The CLI is bundled like dist/cli.js. Prints the median wall times of 5 runs each and their
// ratio (target <= 1.10), warm (the CLI's tool-version cache already knows this Bandit: every run
// after the first) and cold (a fresh cache: the CLI first runs `bandit --version`, as in CI).
// Run: npx tsx bench/scanOverhead.ts [COPIES]. The CLI's cost is mostly fixed (Node's start,
// merging, fingerprints, writing), so the ratio falls as the tree and Bandit's time grow.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

/** How many copies of the demo's code make the tree: `npx tsx bench/scanOverhead.ts 500`. */
const COPIES = Number(process.argv[2] ?? '50');
const REPEATS = 5;
const demo = path.resolve(import.meta.dirname, '../test/workspaces/demo');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Wall time of one command, in milliseconds; its exit code does not matter (findings give 1). */
function timed(file: string, args: string[], cwd: string, cache?: string): Promise<number> {
  const env = cache === undefined ? process.env : { ...process.env, XDG_CACHE_HOME: cache };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(file, args, { cwd, env, maxBuffer: 256 * 1024 * 1024 }, (error) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(new Error(`${file} did not run: ${error.message}`));
        return;
      }
      resolve(performance.now() - start);
    });
  });
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'openpypi-bench-scan-'));
  try {
    const tree = path.join(folder, 'tree');
    for (let copy = 0; copy < COPIES; copy += 1) {
      cpSync(path.join(demo, 'app'), path.join(tree, `copy${copy}`, 'app'), { recursive: true });
    }
    const cli = path.join(folder, 'cli.js');
    buildSync({
      entryPoints: [path.resolve(import.meta.dirname, '../src/cli/main.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
    });
    const scan = [cli, 'scan', tree, '--tools', 'bandit', '--fail-on', 'none', '--sarif'];
    const warmCache = path.join(folder, 'warm-cache');
    await timed(process.execPath, [...scan, path.join(folder, 'w.sarif')], folder, warmCache);
    const byHand: number[] = [];
    const warm: number[] = [];
    const cold: number[] = [];
    // Alternate the series so that a change in machine load touches them alike.
    for (let run = 0; run < REPEATS; run += 1) {
      byHand.push(await timed('bandit', ['-f', 'json', '-q', '-r', '.'], tree));
      warm.push(
        await timed(process.execPath, [...scan, path.join(folder, 'w.sarif')], folder, warmCache),
      );
      cold.push(
        await timed(
          process.execPath,
          [...scan, path.join(folder, 'c.sarif')],
          folder,
          path.join(folder, `cold-cache-${run}`),
        ),
      );
    }
    const hand = median(byHand);
    const figures = {
      benchmark: 'scanOverhead',
      node: process.version,
      cpus: availableParallelism(),
      loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
      tree: { copiesOfDemo: COPIES, pythonFiles: COPIES * 5 },
      runs: REPEATS,
      medianMs: {
        banditByHand: Math.round(hand),
        openpypiScanWarm: Math.round(median(warm)),
        openpypiScanCold: Math.round(median(cold)),
      },
      ratioWarm: Number((median(warm) / hand).toFixed(3)),
      ratioCold: Number((median(cold) / hand).toFixed(3)),
      target: 1.1,
      samplesMs: {
        banditByHand: byHand.map(Math.round),
        openpypiScanWarm: warm.map(Math.round),
        openpypiScanCold: cold.map(Math.round),
      },
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
