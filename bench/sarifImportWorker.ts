// One measured import, in its own process so that its peak memory is its own:
// read a SARIF file, import (normalise), merge (fingerprints read the workspace files), write.
// Prints one JSON line: { ms, cpuMs, maxRssMb, results }.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importSarif } from '../src/core/sarif/importSarif';
import { mergeRuns } from '../src/core/sarif/mergeRuns';
import { writeSarifLog } from '../src/core/sarif/writeSarifLog';

const [input, root, output] = process.argv.slice(2);
if (input === undefined || root === undefined || output === undefined) {
  throw new Error('usage: sarifImportWorker INPUT ROOT OUTPUT');
}
const start = performance.now();
const cpuStart = process.cpuUsage();
const { runs } = importSarif(readFileSync(input, 'utf8'), { root, source: path.basename(input) });
const log = mergeRuns(runs, { root });
void writeSarifLog(output, log).then(() => {
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of this process (all its threads, the garbage collector's included): less
  // sensitive than wall time to other work on a shared machine.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const results = log.runs.reduce((sum, run) => sum + (run.results?.length ?? 0), 0);
  // maxRSS is in kilobytes: the peak resident memory of this whole process, Node itself included.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssMb, results })}\n`);
});
