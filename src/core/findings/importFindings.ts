import type { Log } from 'sarif';
import type { Redactor } from '../redaction/redactor';
import type { ImportProblem } from '../sarif/importProblem';
import { importSarif } from '../sarif/importSarif';
import type { Finding } from './finding';
import { findingsFromLog } from './findingsFromLog';

export interface ImportedFindings {
  readonly findings: Finding[];
  readonly problems: ImportProblem[];
  readonly runCount: number;
}

/** Reads another tool's SARIF text into findings, through the scan engine's importer. */
export function importFindings(
  text: string,
  root: string,
  source: string,
  redactor?: Redactor,
): ImportedFindings {
  const imported = importSarif(text, {
    root,
    source,
    ...(redactor === undefined ? {} : { redactor }),
  });
  const log: Log = { version: '2.1.0', runs: imported.runs };
  return {
    findings: [...findingsFromLog(log).values()].flat(),
    problems: imported.problems,
    runCount: imported.runs.length,
  };
}
