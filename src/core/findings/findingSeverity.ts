import type { Result } from 'sarif';

/** The three bands a person sees (status bar, tree groups, filter). */
export type FindingSeverity = 'high' | 'medium' | 'low';

export const severityOrder: readonly FindingSeverity[] = ['high', 'medium', 'low'];

export function severityRank(severity: FindingSeverity): number {
  return severityOrder.indexOf(severity);
}

export function isAtLeast(severity: FindingSeverity, minimum: FindingSeverity): boolean {
  return severityRank(severity) <= severityRank(minimum);
}

type Level = NonNullable<Result['level']>;

/**
 * The one place where SARIF level and GitHub's `security-severity` become a severity band.
 * A security-severity score wins when present (GitHub's bands: 7.0 and above is high, 4.0 and
 * above medium); otherwise the level decides.
 */
export function findingSeverity(
  level: Level,
  securitySeverity: number | undefined,
): FindingSeverity {
  if (securitySeverity !== undefined && Number.isFinite(securitySeverity)) {
    if (securitySeverity >= 7) return 'high';
    if (securitySeverity >= 4) return 'medium';
    return 'low';
  }
  switch (level) {
    case 'error':
      return 'high';
    case 'warning':
      return 'medium';
    case 'note':
    case 'none':
      return 'low';
  }
}

/** Reads `security-severity` from a rule's (or result's) properties: a numeric string or number. */
export function parseSecuritySeverity(value: unknown): number | undefined {
  const score = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(score) && score >= 0 && score <= 10 ? score : undefined;
}
