import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Run } from 'sarif';
import { describeError } from '../core/logging/describeError';
import { importSarif } from '../core/sarif/importSarif';
import { reportPath } from '../core/sarif/writeSarifLog';
import type { CliIo } from './cliIo';
import { CliUsageError } from './cliUsageError';
import { EXIT_UNUSABLE } from './exitCodes';
import { parseFailOn } from './failOnLevel';
import { reportRuns } from './reportRuns';

/** `openpypi import FILE... [--sarif FILE] [--root DIR] [--baseline FILE] [--fail-on LEVEL]` */
export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      sarif: { type: 'string' },
      root: { type: 'string' },
      baseline: { type: 'string' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  if (positionals.length === 0) {
    throw new CliUsageError(
      'import needs at least one SARIF file: openpypi import FILE... [--sarif FILE]',
    );
  }
  const failOn = parseFailOn(values['fail-on']);
  const root = path.resolve(io.cwd, values.root ?? '.');
  const runs: Run[] = [];
  let imported = 0;
  for (const file of positionals) {
    const absolute = path.resolve(io.cwd, file);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      io.logger.error(`Cannot read ${file}`, error);
      continue;
    }
    try {
      const result = importSarif(text, { root, source: file, redactor: io.redactor });
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
  return reportRuns(
    runs,
    {
      root,
      sarifPath: values.sarif === undefined ? reportPath(root) : path.resolve(io.cwd, values.sarif),
      baselinePath:
        values.baseline === undefined ? undefined : path.resolve(io.cwd, values.baseline),
      failOn,
      outcomes: [],
    },
    io,
  );
}
