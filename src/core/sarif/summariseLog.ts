import type { Log, Result } from 'sarif';

export type Level = 'error' | 'warning' | 'note' | 'none';
export const LEVEL_ORDER: readonly Level[] = ['error', 'warning', 'note', 'none'];

/** What OpenPypi needs to know about a tool that was asked to run (runScan's ToolOutcome fits). */
export interface ToolRunOutcome {
  readonly tool: string;
  readonly status: 'ok' | 'not-installed' | 'failed' | 'timed-out' | 'cancelled';
  readonly message?: string;
  readonly installHint?: string;
}

export interface ToolCounts {
  readonly tool: string;
  readonly counts: Readonly<Record<Level, number>>;
  readonly total: number;
}

export interface LogSummary {
  /** Results per tool and level (suppressed and absent results not counted). */
  readonly tools: readonly ToolCounts[];
  /** Findings after correlation: results sharing a `correlationGuid` count once. */
  readonly uniqueFindings: number;
  /** Unique findings by their highest level. */
  readonly uniqueByLevel: Readonly<Record<Level, number>>;
  readonly suppressed: number;
  readonly absent: number;
  /** Tools that were asked for and did not run to the end. */
  readonly toolsMissing: readonly ToolRunOutcome[];
}

/** Counts the results of a log per tool and level and as unique findings. */
export function summariseLog(log: Log, outcomes: readonly ToolRunOutcome[] = []): LogSummary {
  const tools: ToolCounts[] = [];
  const unique = new Map<string, Level>();
  let suppressed = 0;
  let absent = 0;
  let anonymous = 0;
  for (const run of log.runs) {
    const counts: Record<Level, number> = { error: 0, warning: 0, note: 0, none: 0 };
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') {
        absent += 1;
        continue;
      }
      if (isSuppressed(result)) {
        suppressed += 1;
        continue;
      }
      const level = levelOf(result);
      counts[level] += 1;
      const key = result.correlationGuid ?? `#${anonymous++}`;
      const known = unique.get(key);
      unique.set(key, known === undefined ? level : higher(known, level));
    }
    const total = LEVEL_ORDER.reduce((sum, level) => sum + counts[level], 0);
    tools.push({ tool: run.tool.driver.name, counts, total });
  }
  const uniqueByLevel: Record<Level, number> = { error: 0, warning: 0, note: 0, none: 0 };
  for (const level of unique.values()) {
    uniqueByLevel[level] += 1;
  }
  for (const outcome of outcomes) {
    if (outcome.status === 'ok' && !tools.some((entry) => sameTool(entry.tool, outcome.tool))) {
      tools.push({
        tool: outcome.tool,
        counts: { error: 0, warning: 0, note: 0, none: 0 },
        total: 0,
      });
    }
  }
  return {
    tools,
    uniqueFindings: unique.size,
    uniqueByLevel,
    suppressed,
    absent,
    toolsMissing: outcomes.filter((outcome) => outcome.status !== 'ok'),
  };
}

/** The number of unique findings at `threshold` or above. */
export function findingsAtOrAbove(summary: LogSummary, threshold: Level): number {
  const index = LEVEL_ORDER.indexOf(threshold);
  return LEVEL_ORDER.slice(0, index + 1).reduce(
    (sum, level) => sum + summary.uniqueByLevel[level],
    0,
  );
}

/** Tool ids (`bandit`) and driver names (`Bandit`) name the same tool. */
export function sameTool(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function levelOf(result: Result): Level {
  return result.level ?? 'warning';
}

function higher(a: Level, b: Level): Level {
  return LEVEL_ORDER.indexOf(a) <= LEVEL_ORDER.indexOf(b) ? a : b;
}

function isSuppressed(result: Result): boolean {
  return (result.suppressions ?? []).some(
    (suppression) => suppression.status !== 'rejected' && suppression.status !== 'underReview',
  );
}
