import type { Result } from 'sarif';

export type SeverityWord = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

/** GitHub's `security-severity` score for a severity word (GitHub maps ≥9 critical, ≥7 high, ≥4 medium, >0 low). */
const SCORES: Record<SeverityWord, number> = { CRITICAL: 9.5, HIGH: 8.0, MEDIUM: 5.5, LOW: 2.0 };

export function severityWord(value: unknown): SeverityWord | undefined {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return upper === 'CRITICAL' || upper === 'HIGH' || upper === 'MEDIUM' || upper === 'LOW'
    ? upper
    : undefined;
}

export function scoreForWord(word: SeverityWord): number {
  return SCORES[word];
}

/** A score as GitHub wants it: a string with one decimal, e.g. "8.0". */
export function formatScore(score: number): string {
  return Math.min(10, Math.max(0, score)).toFixed(1);
}

/** CRITICAL/HIGH → error, MEDIUM → warning, LOW → note. */
export function levelForWord(word: SeverityWord | undefined): Result.level {
  if (word === 'CRITICAL' || word === 'HIGH') {
    return 'error';
  }
  return word === 'MEDIUM' ? 'warning' : 'note';
}

export function levelForScore(score: number): Result.level {
  if (score >= 7) {
    return 'error';
  }
  return score >= 4 ? 'warning' : 'note';
}

export function wordForScore(score: number): SeverityWord {
  if (score >= 9) {
    return 'CRITICAL';
  }
  if (score >= 7) {
    return 'HIGH';
  }
  return score >= 4 ? 'MEDIUM' : 'LOW';
}
