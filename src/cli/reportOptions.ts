import path from 'node:path';
import type { CliIo } from './cliIo';
import { parseFailOn } from './failOnLevel';
import type { ReportOptions } from './reportRuns';
import { reportPath } from '../core/sarif/writeSarifLog';

/**
 * The options of every command that ends in a report (`scan`, `import`), for `parseArgs`:
 * where the SARIF log goes, the baseline to compare with, the exit-code threshold, verbosity.
 */
export const reportOptionSpecs = {
  sarif: { type: 'string' },
  baseline: { type: 'string' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

export interface ReportOptionValues {
  readonly sarif?: string | undefined;
  readonly baseline?: string | undefined;
  readonly 'fail-on'?: string | undefined;
}

/** The report's paths (relative to the current folder) and `--fail-on`, checked. */
export function reportTarget(
  values: ReportOptionValues,
  root: string,
  io: CliIo,
): Omit<ReportOptions, 'outcomes'> {
  return {
    root,
    sarifPath: values.sarif === undefined ? reportPath(root) : path.resolve(io.cwd, values.sarif),
    baselinePath: values.baseline === undefined ? undefined : path.resolve(io.cwd, values.baseline),
    failOn: parseFailOn(values['fail-on']),
  };
}
