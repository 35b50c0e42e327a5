// Benchmark: import a generated SARIF log of 10,000 and 100,000 results (over 5,000 files) to a
// merged, written log. Each measurement runs in a child process (time and peak RSS of that
// process). Target for 100,000 results: under 2 s and 300 MB. Run: npx tsx bench/sarifImport.ts
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const FILES = 5_000;
const SIZES = [10_000, 100_000];
const REPEATS = 5;
const RULES = 40;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function generate(root: string, results: number): string {
  const rules = Array.from({ length: RULES }, (_, index) => ({
    id: `GEN${String(index).padStart(3, '0')}`,
    shortDescription: { text: `Generated rule ${index}` },
    defaultConfiguration: { level: index % 3 === 0 ? 'error' : 'warning' },
  }));
  const list = Array.from({ length: results }, (_, index) => {
    const file = index % FILES;
    return {
      ruleId: rules[index % RULES]?.id,
      ruleIndex: index % RULES,
      message: { text: `Finding ${index} in module ${file}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `pkg${file % 50}/module${file}.py`, uriBaseId: 'SRCROOT' },
            region: { startLine: 1 + (index % 30), startColumn: 5 },
          },
        },
      ],
    };
  });
  const log = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'generator', rules } },
        originalUriBaseIds: { SRCROOT: { uri: 'file:///ci/checkout/' } },
        results: list,
      },
    ],
  };
  const file = path.join(root, `generated-${results}.sarif`);
  writeFileSync(file, JSON.stringify(log));
  return file;
}

const root = mkdtempSync(path.join(tmpdir(), 'openpypi-bench-import-'));
try {
  const source = Array.from(
    { length: 30 },
    (_, line) => `value_${line} = compute(${line})  # line ${line + 1}`,
  ).join('\n');
  for (let file = 0; file < FILES; file += 1) {
    const folder = path.join(root, `pkg${file % 50}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `module${file}.py`), `${source}\n# ${file}\n`);
  }
  // Bundled like dist/cli.js, so the figures are those of shipped code, not of tsx compiling.
  const worker = path.join(root, 'sarifImportWorker.js');
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'sarifImportWorker.ts')],
    outfile: worker,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  const figures = SIZES.map((size) => {
    const input = generate(root, size);
    const runs = Array.from({ length: REPEATS }, () => {
      const out = execFileSync(
        process.execPath,
        [worker, input, root, path.join(root, 'out.sarif')],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      return JSON.parse(out) as { ms: number; cpuMs: number; maxRssMb: number; results: number };
    });
    return {
      results: size,
      files: FILES,
      medianMs: Math.round(median(runs.map((run) => run.ms))),
      medianCpuMs: Math.round(median(runs.map((run) => run.cpuMs))),
      medianPeakRssMb: Math.round(median(runs.map((run) => run.maxRssMb))),
      runs: REPEATS,
    };
  });
  process.stdout.write(
    `${JSON.stringify({ benchmark: 'sarifImport', node: process.version, cpus: availableParallelism(), loadAverage: loadavg(), target: { ms: 2000, peakRssMb: 300, results: 100_000 }, figures }, null, 2)}\n`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
