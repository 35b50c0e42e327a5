import type { Result } from 'sarif';
import type { Finding, FindingLocation, FindingRange } from './finding';
import { noRelated, noStrings, seenByToolAlone } from './sharedFindingLists';

/**
 * How findings cross from the import worker to the extension host: one JSON text per chunk, a
 * table of the strings that repeat (tool, rule, title, level, path, help link...) and one flat
 * array per finding (its location and range inline: one array to parse and build instead of
 * three). Receiving 100,000 findings as structured-cloned objects cost the extension host
 * over a second of deserialisation on its main thread; this text parses, and its findings are
 * rebuilt, in a fraction of that. Rarely set fields travel as they are.
 *
 * The SARIF result a finding carries is cut down to its rule id and message (all the editor
 * needs of an imported result), as before.
 */
export interface FindingsChunk {
  readonly strings: string[];
  readonly rows: Row[];
}

/** Index into `strings`, or -1 for undefined. */
type Ref = number;
/** 0: a workspace file (`place` is the path's Ref), 1: external (`place` is the URI), 2: none. */
type LocationKind = 0 | 1 | 2;

/** Fields that are usually empty, false or derived, sent only when they are not. */
interface Rare {
  securitySeverity?: number;
  cwes?: readonly string[];
  related?: Finding['related'];
  baselineState?: Finding['baselineState'];
  suppressed?: true;
  seenBy?: readonly string[];
  correlationGuid?: string;
  packageName?: string;
  packageVersion?: string;
  fixVersions?: readonly string[];
  vulnerabilityIds?: readonly string[];
  /** The result's rule id when it differs from the finding's. */
  resultRuleId?: string | null;
}

type Row = [
  key: string,
  tool: Ref,
  ruleId: Ref,
  ruleTitle: Ref,
  message: string,
  level: Ref,
  severity: Ref,
  helpUri: Ref,
  rare: Rare | 0,
  locationKind: LocationKind,
  place: Ref | string,
  // The range of a workspace location, when it has one.
  startLine?: number,
  startColumn?: number,
  endLine?: number,
  endColumn?: number | null,
];

const noRare: Rare = Object.freeze({});

export function encodeFindings(findings: readonly Finding[]): string {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const ref = (value: string | undefined): Ref => {
    if (value === undefined) return -1;
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      indexOf.set(value, index);
    }
    return index;
  };
  const rows = findings.map((f): Row => {
    // Made only for the few findings that have a rare field (most have none).
    let rare: Rare | undefined;
    const some = (): Rare => (rare ??= {});
    if (f.securitySeverity !== undefined) some().securitySeverity = f.securitySeverity;
    if (f.cwes.length > 0) some().cwes = f.cwes;
    if (f.related.length > 0) some().related = f.related;
    if (f.baselineState !== undefined) some().baselineState = f.baselineState;
    if (f.suppressed) some().suppressed = true;
    if (f.seenBy.length !== 1 || f.seenBy[0] !== f.tool) some().seenBy = f.seenBy;
    if (f.correlationGuid !== undefined) some().correlationGuid = f.correlationGuid;
    if (f.packageName !== undefined) some().packageName = f.packageName;
    if (f.packageVersion !== undefined) some().packageVersion = f.packageVersion;
    if (f.fixVersions.length > 0) some().fixVersions = f.fixVersions;
    if (f.vulnerabilityIds.length > 0) some().vulnerabilityIds = f.vulnerabilityIds;
    if (f.result.ruleId !== f.ruleId) some().resultRuleId = f.result.ruleId ?? null;
    const head: Row = [
      f.key,
      ref(f.tool),
      ref(f.ruleId),
      ref(f.ruleTitle),
      f.message,
      ref(f.level),
      ref(f.severity),
      ref(f.helpUri),
      rare ?? 0,
      2,
      -1,
    ];
    const l: FindingLocation = f.location;
    if (l.kind === 'external') {
      head[9] = 1;
      head[10] = l.uri;
    } else if (l.kind === 'workspace') {
      head[9] = 0;
      head[10] = ref(l.relativePath);
      const r = l.range;
      if (r !== undefined) head.push(r.startLine, r.startColumn, r.endLine, r.endColumn ?? null);
    }
    return head;
  });
  const chunk: FindingsChunk = { strings, rows };
  return JSON.stringify(chunk);
}

/**
 * The findings of one encoded chunk. Each finding's SARIF result is its rule id and its message
 * (the import worker never sent more).
 */
export function decodeFindings(text: string): Finding[] {
  const { strings, rows } = JSON.parse(text) as FindingsChunk;
  const str = (index: Ref): string | undefined => (index < 0 ? undefined : strings[index]);
  const range = (row: Row): FindingRange | undefined =>
    row.length < 15
      ? undefined
      : {
          startLine: row[11] ?? 0,
          startColumn: row[12] ?? 0,
          endLine: row[13] ?? 0,
          endColumn: row[14] ?? undefined,
        };
  const location = (row: Row): FindingLocation => {
    if (row[9] === 1) return { kind: 'external', uri: row[10] as string };
    if (row[9] === 2) return { kind: 'none' };
    return { kind: 'workspace', relativePath: str(row[10] as number) ?? '', range: range(row) };
  };
  return rows.map((row): Finding => {
    const rare: Rare = row[8] === 0 ? noRare : row[8];
    const tool = str(row[1]) ?? '';
    const ruleId = str(row[2]) ?? '';
    const message = row[4];
    const resultRuleId = 'resultRuleId' in rare ? (rare.resultRuleId ?? undefined) : ruleId;
    // Plain literals, not spreads: this runs 100,000 times on the extension host's main thread.
    const result: Result =
      resultRuleId === undefined
        ? { message: { text: message } }
        : { ruleId: resultRuleId, message: { text: message } };
    return {
      key: row[0],
      tool,
      ruleId,
      ruleTitle: str(row[3]),
      message,
      level: str(row[5]) as Finding['level'],
      severity: str(row[6]) as Finding['severity'],
      securitySeverity: rare.securitySeverity,
      helpUri: str(row[7]),
      cwes: rare.cwes ?? noStrings,
      location: location(row),
      related: rare.related ?? noRelated,
      baselineState: rare.baselineState,
      suppressed: rare.suppressed === true,
      seenBy: rare.seenBy ?? seenByToolAlone(tool),
      correlationGuid: rare.correlationGuid,
      packageName: rare.packageName,
      packageVersion: rare.packageVersion,
      fixVersions: rare.fixVersions ?? noStrings,
      vulnerabilityIds: rare.vulnerabilityIds ?? noStrings,
      result,
    };
  });
}
