import type { Result, Run } from 'sarif';
/** Trivy's severity words (the same as src/core/scanners/severity.ts, kept here so the
 * extension bundle does not pull in the scan engine). */
export type SeverityWord = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

/** GitHub's thresholds for security-severity scores: ≥9 critical, ≥7 high, ≥4 medium. */
function wordForScore(score: number): SeverityWord {
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  return score >= 4 ? 'MEDIUM' : 'LOW';
}

export type SeverityCounts = Record<SeverityWord | 'UNKNOWN', number>;

/** Results per severity (from the rule's security-severity score, else the level). */
export function severityCounts(run: Run): SeverityCounts {
  const counts: SeverityCounts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
  for (const result of run.results ?? []) {
    counts[severityOf(run, result)] += 1;
  }
  return counts;
}

export function severityOf(run: Run, result: Result): SeverityWord | 'UNKNOWN' {
  const rules = run.tool.driver.rules ?? [];
  const rule =
    (result.ruleIndex === undefined ? undefined : rules[result.ruleIndex]) ??
    rules.find((candidate) => candidate.id === result.ruleId);
  const raw: unknown =
    result.properties?.['security-severity'] ?? rule?.properties?.['security-severity'];
  const score = typeof raw === 'string' ? Number.parseFloat(raw) : Number.NaN;
  if (Number.isFinite(score) && score > 0) return wordForScore(score);
  if (result.level === 'error') return 'HIGH';
  if (result.level === 'warning') return 'MEDIUM';
  if (result.level === 'note') return 'LOW';
  return 'UNKNOWN';
}

const ORDER: readonly (SeverityWord | 'UNKNOWN')[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'UNKNOWN',
];

/** Whether any result is at or above the threshold (`HIGH` counts CRITICAL and HIGH). */
export function hasFindingsAtOrAbove(counts: SeverityCounts, threshold: SeverityWord): boolean {
  const limit = ORDER.indexOf(threshold);
  return ORDER.slice(0, limit + 1).some((word) => counts[word] > 0);
}

/** "C 2 · H 5 · M 1" (zero counts left out), or "no vulnerabilities". */
export function formatCounts(counts: SeverityCounts): string {
  const parts = ORDER.filter((word) => counts[word] > 0).map(
    (word) => `${word[0] ?? ''} ${String(counts[word])}`,
  );
  return parts.length === 0 ? 'no vulnerabilities' : parts.join(' · ');
}
