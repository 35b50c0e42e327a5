// Runs inside the real extension host (as a tests module): imports a generated SARIF log with
// OpenPypi's "Import SARIF File(s)" command and measures the time until every result is in the
// Problems panel's data (languages.getDiagnostics), the longest block of the event loop while it
// runs, and the memory it adds. Writes the figures to OPENPYPI_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

function diagnosticCount(): number {
  let count = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) count += diagnostics.length;
  return count;
}

interface Sample {
  ms: number;
  longestBlockMs: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
}

async function importOnce(file: vscode.Uri, expected: number): Promise<Sample> {
  await vscode.commands.executeCommand('openpypi.security.clearResults');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = process.memoryUsage();
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  const start = performance.now();
  await vscode.commands.executeCommand('openpypi.security.importSarif', file);
  while (diagnosticCount() < expected) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (performance.now() - start > 120_000)
      throw new Error(`only ${diagnosticCount()} of ${expected} diagnostics after 120 s`);
  }
  const ms = performance.now() - start;
  // A last reading: a synchronous stretch at the very end never lets the timer run.
  longest = Math.max(longest, performance.now() - last - 10);
  clearInterval(timer);
  const after = process.memoryUsage();
  return {
    ms,
    longestBlockMs: Math.max(0, longest),
    rssGrowthMb: (after.rss - before.rss) / 2 ** 20,
    heapGrowthMb: (after.heapUsed - before.heapUsed) / 2 ** 20,
  };
}

export async function run(): Promise<void> {
  const file = process.env.OPENPYPI_BENCH_LOG;
  const expected = Number(process.env.OPENPYPI_BENCH_RESULTS);
  const out = process.env.OPENPYPI_BENCH_OUT;
  if (!file || !out || !Number.isFinite(expected))
    throw new Error('OPENPYPI_BENCH_LOG/RESULTS/OUT not set');
  await vscode.extensions.getExtension('openpypi.openpypi')?.activate();
  const samples: Sample[] = [];
  for (let i = 0; i < 3; i++) samples.push(await importOnce(vscode.Uri.file(file), expected));
  writeFileSync(out, JSON.stringify(samples));
}
