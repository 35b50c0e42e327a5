// How bench/host/importProbe.ts and bench/host/diagnosticsFloorProbe.ts measure one import
// inside the real extension host: the time until its work resolves, the longest block of the
// event loop meanwhile, and the memory it adds.
// On a shared machine the wall-clock figures also count the time the extension host waited for a
// CPU, so the measurement records the main thread's own CPU time as well
// (process.threadCpuUsage, Node 23.9+; the extension host of code-server runs Node 24): the CPU
// the import took on the extension host's main thread, and the most CPU it took between two
// ticks of the 10 ms timer (a long synchronous stretch shows there whatever the load). A worker's
// CPU is not in these figures.
// It also counts the extension host's minor page faults during the import: each is a page of
// memory touched for the first time (or again after the process gave it back). On the 2-core VM
// these figures come from, one costs about 12 µs (200 MB touched: 620 ms), so the count says how
// much of an import's time is memory, whatever the load.
// And it records the garbage collections of the extension host's main thread during the import
// (a `gc` performance observer): their total time and the longest young-generation collection,
// which is where the longest blocks of a large import come from (README, Performance).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { constants, performance, PerformanceObserver } from 'node:perf_hooks';
import * as vscode from 'vscode';

/** CPU time of this thread (the extension host's main thread) in ms, where Node has it. */
function threadCpuMs(): number | undefined {
  const usage = (
    process as { threadCpuUsage?: () => { user: number; system: number } }
  ).threadCpuUsage?.();
  return usage === undefined ? undefined : (usage.user + usage.system) / 1000;
}

function diagnosticCount(): number {
  let count = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) count += diagnostics.length;
  return count;
}

/**
 * Waits until the workbench answers a command of its own at once five times in a row, so that
 * each import starts from an idle editor. The workbench digests the diagnostics of an import
 * (and their clearing) for seconds after the extension host is done with them; a fixed pause of
 * 500 ms let the second and third imports compete with that tail of the one before for the two
 * cores, and measured it with them.
 */
async function untilWorkbenchIdle(): Promise<void> {
  const deadline = performance.now() + 30_000;
  let quick = 0;
  while (quick < 5 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const asked = performance.now();
    // setContext runs in the workbench: its answer waits for the workbench's main thread.
    await vscode.commands.executeCommand('setContext', 'openpypi.benchIdleProbe', asked);
    quick = performance.now() - asked < 10 ? quick + 1 : 0;
  }
}

export interface Sample {
  ms: number;
  longestBlockMs: number;
  hostCpuMs?: number;
  longestBlockCpuMs?: number;
  /** CPU of the whole extension host process: main thread, workers, garbage collector. */
  processCpuMs: number;
  /** Minor page faults of the whole extension host process during the import. */
  minorPageFaults: number;
  /** Wall-clock time of the main thread's garbage collections during the import. */
  gcMs: number;
  /** The longest young-generation collection (scavenge) among them. */
  longestMinorGcMs: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
}

/**
 * Clears, waits for an idle workbench, then measures `work` (which resolves with the number of
 * results it published, once they are published). The count of languages.getDiagnostics is
 * checked after, once (reading 100,000 diagnostics in a polling loop would itself block): both
 * must equal `expected`.
 */
export async function measureImport(
  clear: () => Promise<void>,
  work: () => Promise<number>,
  expected: number,
): Promise<Sample> {
  await clear();
  await untilWorkbenchIdle();
  const before = process.memoryUsage();
  const faultsAtStart = process.resourceUsage().minorPageFault;
  let longest = 0;
  let last = performance.now();
  const cpuAtStart = threadCpuMs();
  const processCpuAtStart = process.cpuUsage();
  let longestCpu = 0;
  let lastCpu = cpuAtStart;
  const collections: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => collections.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
    const cpu = threadCpuMs();
    if (cpu !== undefined && lastCpu !== undefined)
      longestCpu = Math.max(longestCpu, cpu - lastCpu);
    lastCpu = cpu;
  }, 10);
  const start = performance.now();
  const published = await work();
  const ms = performance.now() - start;
  // A last reading: a synchronous stretch at the very end never lets the timer run.
  longest = Math.max(longest, performance.now() - last - 10);
  const cpuAtEnd = threadCpuMs();
  const processCpu = process.cpuUsage(processCpuAtStart);
  if (cpuAtEnd !== undefined && lastCpu !== undefined)
    longestCpu = Math.max(longestCpu, cpuAtEnd - lastCpu);
  clearInterval(timer);
  collections.push(...observer.takeRecords());
  observer.disconnect();
  const during = collections.filter((entry) => entry.startTime >= start);
  const minor = during.filter(
    (entry) =>
      (entry as { detail?: { kind?: number } }).detail?.kind ===
      constants.NODE_PERFORMANCE_GC_MINOR,
  );
  const after = process.memoryUsage();
  const minorPageFaults = process.resourceUsage().minorPageFault - faultsAtStart;
  const present = diagnosticCount();
  if (published !== expected || present !== expected)
    throw new Error(
      `the import resolved with ${String(published)} results and ${present} diagnostics, expected ${expected}`,
    );
  return {
    ms,
    longestBlockMs: Math.max(0, longest),
    ...(cpuAtStart !== undefined && cpuAtEnd !== undefined
      ? { hostCpuMs: cpuAtEnd - cpuAtStart, longestBlockCpuMs: longestCpu }
      : {}),
    processCpuMs: (processCpu.user + processCpu.system) / 1000,
    minorPageFaults,
    gcMs: during.reduce((sum, entry) => sum + entry.duration, 0),
    longestMinorGcMs: Math.max(0, ...minor.map((entry) => entry.duration)),
    rssGrowthMb: (after.rss - before.rss) / 2 ** 20,
    heapGrowthMb: (after.heapUsed - before.heapUsed) / 2 ** 20,
  };
}

/**
 * With OPENPYPI_BENCH_PROFILE (a folder), the extension host's CPU profile of `work` is written
 * there as <name>.cpuprofile (open it in Chrome's DevTools or VS Code).
 */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.OPENPYPI_BENCH_PROFILE;
  if (!folder) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** The benchmark's settings from the extension host's environment. */
export function benchSettings(): { log: string | undefined; expected: number; out: string } {
  const expected = Number(process.env.OPENPYPI_BENCH_RESULTS);
  const out = process.env.OPENPYPI_BENCH_OUT;
  if (!out || !Number.isFinite(expected)) throw new Error('OPENPYPI_BENCH_RESULTS/OUT not set');
  return { log: process.env.OPENPYPI_BENCH_LOG, expected, out };
}
