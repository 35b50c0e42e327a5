import type { Location, Log, ReportingDescriptor, Result, Run } from 'sarif';
import { dependencyFacts, ruleIdOf, toolName } from '../sarif/resultFacts';
import { FINGERPRINT_KEY, property, SOURCE_ROOT_BASE_ID } from '../sarif/sarifVocabulary';
import { stringsOf } from '../sarif/untrustedJson';
import type { BaselineState, Finding, FindingLocation, FindingRange } from './finding';
import { findingSeverity, parseSecuritySeverity } from './findingSeverity';
import { noRelated, noStrings, seenByToolAlone } from './sharedFindingLists';

function decode(uri: string): string {
  // Most paths have nothing to decode (this runs once per result of a 100,000-result import).
  if (!uri.includes('%')) return uri;
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function rangeOf(location: Location): FindingRange | undefined {
  const region = location.physicalLocation?.region;
  if (region?.startLine === undefined) return undefined;
  const startColumn = region.startColumn ?? 1;
  const endLine = region.endLine ?? region.startLine;
  return {
    startLine: region.startLine,
    startColumn,
    endLine,
    endColumn:
      region.endColumn ?? (region.startColumn === undefined ? undefined : region.endColumn),
  };
}

/** Whether a relative path has a `..` segment (without splitting it: once per result). */
function hasParentSegment(path: string): boolean {
  return path === '..' || path.startsWith('../') || path.endsWith('/..') || path.includes('/../');
}

/**
 * Where a location of a normalised log points. Logs from the scan engine and from its importer
 * anchor workspace files at `%SRCROOT%`; anything else, or a location marked external, is
 * external and is never opened as a workspace file.
 */
export function findingLocation(location: Location | undefined): FindingLocation {
  const artifact = location?.physicalLocation?.artifactLocation;
  if (location === undefined || artifact?.uri === undefined) return { kind: 'none' };
  const external =
    location.properties?.[property.external] === true ||
    artifact.properties?.[property.external] === true;
  if (!external && artifact.uriBaseId === SOURCE_ROOT_BASE_ID && !artifact.uri.includes(':')) {
    const relativePath = decode(artifact.uri);
    if (!hasParentSegment(relativePath)) {
      return { kind: 'workspace', relativePath, range: rangeOf(location) };
    }
  }
  return { kind: 'external', uri: artifact.uri };
}

/** The strings of a property that is usually absent, without allocating when it is. */
function stringsOfProperty(value: unknown): readonly string[] {
  return value === undefined ? noStrings : stringsOf(value);
}

function cwesOf(rule: ReportingDescriptor | undefined): readonly string[] {
  const tags = rule?.properties?.tags;
  if (!Array.isArray(tags) || tags.length === 0) return noStrings;
  return stringsOf(tags).flatMap((tag) => {
    const match = /^external\/cwe\/cwe-(\d+)$/i.exec(tag);
    return match ? [`CWE-${match[1] ?? ''}`] : [];
  });
}

function baselineOf(result: Result): BaselineState | undefined {
  const state = result.baselineState;
  return state === 'new' || state === 'unchanged' || state === 'updated' || state === 'absent'
    ? state
    : undefined;
}

function levelOf(result: Result, rule: ReportingDescriptor | undefined): Finding['level'] {
  return result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
}

function messageOf(result: Result, rule: ReportingDescriptor | undefined): string {
  return (
    result.message.text ??
    rule?.shortDescription?.text ??
    rule?.fullDescription?.text ??
    result.ruleId ??
    ''
  );
}

/** One finding for a result of a run; `index` makes a key when the result has no fingerprint. */
export function findingFromResult(run: Run, result: Result, key: string): Finding {
  const rules = run.tool.driver.rules;
  const rule = result.ruleIndex === undefined ? undefined : rules?.[result.ruleIndex];
  const level = levelOf(result, rule);
  const securitySeverity =
    parseSecuritySeverity(result.properties?.['security-severity']) ??
    parseSecuritySeverity(rule?.properties?.['security-severity']);
  const tool = toolName(run);
  const dependency = dependencyFacts(result);
  const seenBy = stringsOfProperty(result.properties?.[property.seenBy]);
  return {
    key: result.partialFingerprints?.[FINGERPRINT_KEY] ?? key,
    tool,
    ruleId: ruleIdOf(run, result),
    ruleTitle: rule?.shortDescription?.text ?? rule?.name,
    message: messageOf(result, rule),
    level,
    severity: findingSeverity(level, securitySeverity),
    securitySeverity,
    helpUri: rule?.helpUri,
    cwes: cwesOf(rule),
    location: findingLocation(result.locations?.[0]),
    related:
      result.relatedLocations === undefined
        ? noRelated
        : result.relatedLocations.map((related) => ({
            location: findingLocation(related),
            message: related.message?.text,
          })),
    baselineState: baselineOf(result),
    suppressed:
      result.suppressions?.some((s) => s.status === undefined || s.status === 'accepted') === true,
    seenBy: seenBy.length > 0 ? seenBy : seenByToolAlone(tool),
    correlationGuid: result.correlationGuid,
    packageName: dependency?.name,
    packageVersion: dependency?.version,
    fixVersions: stringsOfProperty(result.properties?.[property.fixVersions]),
    vulnerabilityIds: dependency?.ids ?? noStrings,
    result,
  };
}

/** Every result of every run, as findings, grouped by the tool that produced the run. */
export function findingsFromLog(log: Log): Map<string, Finding[]> {
  const byTool = new Map<string, Finding[]>();
  log.runs.forEach((run, runIndex) => {
    const tool = toolName(run);
    const findings = byTool.get(tool) ?? [];
    (run.results ?? []).forEach((result, resultIndex) => {
      findings.push(findingFromResult(run, result, `${runIndex}/${resultIndex}`));
    });
    byTool.set(tool, findings);
  });
  return byTool;
}
