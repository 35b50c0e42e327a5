// What a page of memory touched for the first time costs on this machine: the machine's state
// that the editor benchmarks follow most (README, Performance). On the 2-core VM of these
// figures it was about 12 µs on 27 November with the VM up for 21-23 hours, and 1.6-2.5 µs
// after the VM was restarted that evening; an import of 100k results touches about 45,000 pages
// of the extension host.

import { performance } from 'node:perf_hooks';

const pageBytes = 4096;

/**
 * Microseconds per page to touch `megabytes` of fresh memory (allocated, never written: the
 * kernel hands out each page on its first write), the median of `rounds` rounds.
 * @param {{ megabytes?: number, rounds?: number }} [options]
 * @returns {number}
 */
export function freshPageCostUs({ megabytes = 200, rounds = 3 } = {}) {
  const bytes = megabytes * 2 ** 20;
  const costs = [];
  for (let round = 0; round < rounds; round++) {
    // Not zero-filled, so not written yet: Node asks the C library, which maps fresh pages.
    const buffer = Buffer.allocUnsafeSlow(bytes);
    const start = performance.now();
    for (let offset = 0; offset < bytes; offset += pageBytes) buffer[offset] = 1;
    costs.push(((performance.now() - start) * 1000) / (bytes / pageBytes));
  }
  costs.sort((a, b) => a - b);
  return Math.round((costs[Math.floor(costs.length / 2)] ?? 0) * 100) / 100;
}
