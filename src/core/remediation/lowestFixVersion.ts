import { compare, gt, valid } from '@renovatebot/pep440';

/**
 * The lowest of `fixVersions` above `current` (PEP 440 ordering), or the lowest valid fix when
 * the current version is unknown. Trivy's comma-separated lists are split first.
 */
export function lowestFixVersion(
  fixVersions: readonly string[],
  current: string | undefined,
): string | undefined {
  const candidates = fixVersions
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '' && valid(v) !== null)
    .filter((v) => current === undefined || valid(current) === null || gt(v, current))
    .sort(compare);
  return candidates[0];
}
