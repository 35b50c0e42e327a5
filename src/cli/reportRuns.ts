import { readFile } from 'node:fs/promises';
import type { Run } from 'sarif';
import { describeError } from '../core/logging/describeError';
import { applyBaseline } from '../core/sarif/applyBaseline';
import { importSarif } from '../core/sarif/importSarif';
import { logOf, mergeRuns } from '../core/sarif/mergeRuns';
import { findingsAtOrAbove, summariseLog, type ToolRunOutcome } from '../core/sarif/summariseLog';
import { writeSarifLog } from '../core/sarif/writeSarifLog';
import type { CliIo } from './cliIo';
import { CliUsageError } from './cliUsageError';
import { EXIT_FINDINGS, EXIT_OK } from './exitCodes';
import type { FailOn } from './failOnLevel';
import { summaryTable } from './summaryTable';

/** GitHub code scanning rejects a file with more runs than this. */
const GITHUB_MAX_RUNS = 20;

export interface ReportOptions {
  readonly root: string;
  readonly sarifPath: string;
  readonly baselinePath: string | undefined;
  readonly failOn: FailOn;
  readonly outcomes: readonly ToolRunOutcome[];
}

/**
 * The end of every command: merge the runs into one log, compare with the baseline, write the
 * log, print the summary, and return the exit code for `--fail-on`.
 */
export async function reportRuns(
  runs: readonly Run[],
  options: ReportOptions,
  io: CliIo,
): Promise<number> {
  const log = mergeRuns(runs, { root: options.root });
  if (options.baselinePath !== undefined) {
    const previous = await readBaseline(options.baselinePath, options.root, io);
    applyBaseline(log, previous);
  }
  if (log.runs.length > GITHUB_MAX_RUNS) {
    io.logger.warn(
      `The log has ${log.runs.length} runs (one per tool); GitHub code scanning accepts at most ${GITHUB_MAX_RUNS} per file.`,
    );
  }
  const written = await writeSarifLog(options.sarifPath, log);
  io.stdout(`${written}\n`);
  const summary = summariseLog(log, options.outcomes);
  io.stderr(summaryTable(summary, written));
  if (options.failOn === 'none') {
    return EXIT_OK;
  }
  return findingsAtOrAbove(summary, options.failOn) > 0 ? EXIT_FINDINGS : EXIT_OK;
}

async function readBaseline(
  file: string,
  root: string,
  io: CliIo,
): Promise<ReturnType<typeof logOf>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(`Cannot read the baseline ${file}: ${describeError(error)}`);
  }
  try {
    return logOf(importSarif(text, { root, source: file, redactor: io.redactor }).runs);
  } catch (error) {
    throw new CliUsageError(`The baseline is not usable: ${describeError(error)}`);
  }
}
