import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Run } from 'sarif';
import { describeError } from '../core/logging/describeError';
import { importSarif } from '../core/sarif/importSarif';
import type { CliIo } from './cliIo';
import { CliUsageError } from './cliUsageError';
import { EXIT_UNUSABLE } from './exitCodes';
import { reportOptionSpecs, reportTarget } from './reportOptions';
import { reportRuns } from './reportRuns';

/** `openpypi import FILE... [--sarif FILE] [--root DIR] [--baseline FILE] [--fail-on LEVEL]` */
export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { ...reportOptionSpecs, root: { type: 'string' } },
  });
  if (positionals.length === 0) {
    throw new CliUsageError(
      'import needs at least one SARIF file: openpypi import FILE... [--sarif FILE]',
    );
  }
  const root = path.resolve(io.cwd, values.root ?? '.');
  const target = reportTarget(values, root, io);
  const runs: Run[] = [];
  let imported = 0;
  for (const file of positionals) {
    const absolute = path.resolve(io.cwd, file);
    // The bytes: importSarif parses a large log a slice at a time from them.
    let bytes: Uint8Array;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      io.logger.error(`Cannot read ${file}`, error);
      continue;
    }
    try {
      const result = importSarif(bytes, { root, source: file, redactor: io.redactor });
      runs.push(...result.runs);
      imported += 1;
      for (const problem of result.problems) {
        io.logger.debug(`${problem.source}${problem.pointer}: ${problem.message}`);
      }
      if (result.problems.length > 0) {
        io.logger.info(
          `${file}: ${result.problems.length} repairs while importing (--verbose lists them).`,
        );
      }
    } catch (error) {
      io.logger.error(describeError(error));
    }
  }
  if (imported === 0) {
    io.stderr('No input file could be imported; no log was written.\n');
    return EXIT_UNUSABLE;
  }
  return reportRuns(runs, { ...target, outcomes: [] }, io);
}
