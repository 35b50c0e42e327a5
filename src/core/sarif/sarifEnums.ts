import type { Result, Suppression } from 'sarif';

/** The values SARIF 2.1.0 allows for each enumerated field OpenPypi reads from other tools. */
export const LEVELS: readonly NonNullable<Result.level>[] = ['none', 'note', 'warning', 'error'];
export const KINDS: readonly NonNullable<Result.kind>[] = [
  'notApplicable',
  'pass',
  'fail',
  'review',
  'open',
  'informational',
];
export const BASELINE_STATES: readonly NonNullable<Result.baselineState>[] = [
  'new',
  'unchanged',
  'updated',
  'absent',
];
export const SUPPRESSION_KINDS: readonly Suppression['kind'][] = ['inSource', 'external'];
export const SUPPRESSION_STATUSES: readonly NonNullable<Suppression['status']>[] = [
  'accepted',
  'underReview',
  'rejected',
];

/** `value` when it is one of `allowed`, otherwise undefined. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

const GUID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

/** `value` when it is a GUID in the form the SARIF schema requires, otherwise undefined. */
export function guidOf(value: unknown): string | undefined {
  return typeof value === 'string' && GUID.test(value) ? value : undefined;
}

/** `value` when it parses as an absolute URI, otherwise undefined. */
export function absoluteUriOf(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}
