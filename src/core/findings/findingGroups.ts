import type { Finding } from './finding';
import { type FindingSeverity, isAtLeast, severityOrder, severityRank } from './findingSeverity';

export type GroupBy = 'severity' | 'file' | 'tool';

export interface FindingFilter {
  minimumSeverity: FindingSeverity;
  newOnly: boolean;
}

export const noFilter: FindingFilter = { minimumSeverity: 'low', newOnly: false };

export interface FindingGroup {
  /** What the group is: a severity, a relative path (or "external"/"no location"), or a tool name. */
  readonly key: string;
  readonly kind: GroupBy;
  readonly findings: readonly Finding[];
}

export function matchesFilter(finding: Finding, filter: FindingFilter): boolean {
  if (finding.suppressed || finding.baselineState === 'absent') return false;
  if (filter.newOnly && finding.baselineState !== 'new') return false;
  return isAtLeast(finding.severity, filter.minimumSeverity);
}

/**
 * Joins the results that the merge correlated (the same vulnerability seen by several tools)
 * into one finding that names every tool, keeping the most severe of them.
 */
export function uniqueFindings(findings: readonly Finding[]): readonly Finding[] {
  // Most logs correlate nothing (an import of 100,000 results): no copy then.
  if (!findings.some((f) => f.correlationGuid !== undefined)) return findings;
  const indexByCorrelation = new Map<string, number>();
  const out: Finding[] = [];
  for (const finding of findings) {
    const id = finding.correlationGuid;
    const index = id === undefined ? undefined : indexByCorrelation.get(id);
    const seen = index === undefined ? undefined : out[index];
    if (id === undefined || index === undefined || seen === undefined) {
      if (id !== undefined) indexByCorrelation.set(id, out.length);
      out.push(finding);
      continue;
    }
    const tools = [...new Set([...seen.seenBy, finding.tool, ...finding.seenBy])].sort();
    const keep = severityRank(finding.severity) < severityRank(seen.severity) ? finding : seen;
    out[index] = { ...keep, seenBy: tools };
  }
  return out;
}

function groupKey(finding: Finding, by: GroupBy): string {
  switch (by) {
    case 'severity':
      return finding.severity;
    case 'tool':
      return finding.seenBy.length > 1 ? finding.seenBy.join(', ') : finding.tool;
    case 'file':
      return finding.location.kind === 'workspace'
        ? finding.location.relativePath
        : finding.location.kind === 'external'
          ? 'external'
          : 'no location';
  }
}

/** Code-unit order: stable across locales and fast enough for 100,000 findings. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(locationText(a), locationText(b)) ||
    lineOf(a) - lineOf(b) ||
    compareText(a.ruleId, b.ruleId)
  );
}

function locationText(finding: Finding): string {
  const location = finding.location;
  return location.kind === 'workspace'
    ? location.relativePath
    : location.kind === 'external'
      ? location.uri
      : '';
}

function lineOf(finding: Finding): number {
  return finding.location.kind === 'workspace' ? (finding.location.range?.startLine ?? 0) : 0;
}

/** Groups the findings that pass the filter, groups and findings in a stable, readable order. */
export function groupFindings(
  findings: readonly Finding[],
  by: GroupBy,
  filter: FindingFilter,
): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of uniqueFindings(findings)) {
    if (!matchesFilter(finding, filter)) continue;
    const key = groupKey(finding, by);
    let group = groups.get(key);
    if (group === undefined) {
      group = [];
      groups.set(key, group);
    }
    group.push(finding);
  }
  const keys = [...groups.keys()];
  if (by === 'severity') {
    keys.sort(
      (a, b) =>
        severityOrder.indexOf(a as FindingSeverity) - severityOrder.indexOf(b as FindingSeverity),
    );
  } else {
    keys.sort(compareText);
  }
  return keys.map((key) => ({
    key,
    kind: by,
    findings: (groups.get(key) ?? []).sort(compareFindings),
  }));
}

export type SeverityCounts = Record<FindingSeverity, number>;

/**
 * Counts already made, by findings array and filter: after each change of the findings the
 * status bar and the view's badge count the same array (100,000 findings after an import).
 */
const countsMade = new WeakMap<readonly Finding[], Map<string, SeverityCounts>>();

/** Unique, unsuppressed findings per severity band, for the status bar. */
export function countBySeverity(
  findings: readonly Finding[],
  filter: FindingFilter = noFilter,
): SeverityCounts {
  let byFilter = countsMade.get(findings);
  if (byFilter === undefined) {
    byFilter = new Map();
    countsMade.set(findings, byFilter);
  }
  const filterKey = `${filter.minimumSeverity}/${String(filter.newOnly)}`;
  let counts = byFilter.get(filterKey);
  if (counts === undefined) {
    counts = { high: 0, medium: 0, low: 0 };
    for (const finding of uniqueFindings(findings)) {
      if (matchesFilter(finding, filter)) counts[finding.severity] += 1;
    }
    byFilter.set(filterKey, counts);
  }
  return { ...counts };
}
