import { githubAlertProperty, githubCodeScanningTool } from './alertsToSarif';
import { arrayOf, recordOf, stringOf } from '../sarif/untrustedJson';

export interface LocalSarif {
  /** The log without anything downloaded from GitHub; the same text when nothing was removed. */
  readonly text: string;
  /** Results removed because they came from GitHub code scanning alerts. */
  readonly removedResults: number;
  /** Runs left: 0 when the log held only GitHub's alerts. */
  readonly runs: number;
}

/**
 * What an upload to code scanning may send: the local tools' results only. Alerts downloaded
 * from GitHub (the run of the tool "GitHub code scanning", or any result carrying a GitHub
 * alert number in its property bag) are taken out, so GitHub never receives its own alerts
 * back as a new tool's analysis. Text that is not a JSON object is returned as it is, for the
 * upload checks to refuse with their reason.
 */
export function withoutGithubAlerts(text: string): LocalSarif {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return { text, removedResults: 0, runs: 0 };
  }
  const log = recordOf(root);
  const runs = arrayOf(log?.runs);
  if (log === undefined || runs === undefined) return { text, removedResults: 0, runs: 0 };
  let removedResults = 0;
  const kept: unknown[] = [];
  for (const raw of runs) {
    const run = recordOf(raw);
    const results = arrayOf(run?.results);
    const tool = stringOf(recordOf(recordOf(run?.tool)?.driver)?.name);
    if (run !== undefined && tool === githubCodeScanningTool) {
      removedResults += results?.length ?? 0;
      continue;
    }
    if (run === undefined || results === undefined) {
      kept.push(raw);
      continue;
    }
    const local = results.filter(
      (result) =>
        recordOf(recordOf(result)?.properties)?.[githubAlertProperty.number] === undefined,
    );
    removedResults += results.length - local.length;
    kept.push(local.length === results.length ? raw : { ...run, results: local });
  }
  if (kept.length === runs.length && removedResults === 0) {
    return { text, removedResults, runs: runs.length };
  }
  return { text: JSON.stringify({ ...log, runs: kept }), removedResults, runs: kept.length };
}
