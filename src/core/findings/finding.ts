import type { Result } from 'sarif';
import type { FindingSeverity } from './findingSeverity';

/** Where a finding points, in editor terms: 1-based lines, 1-based columns, end column exclusive. */
export interface FindingRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  /** Undefined means "to the end of the line". */
  endColumn: number | undefined;
}

export type FindingLocation =
  | { kind: 'workspace'; relativePath: string; range: FindingRange | undefined }
  | { kind: 'external'; uri: string }
  | { kind: 'none' };

export interface RelatedFindingLocation {
  location: FindingLocation;
  message: string | undefined;
}

export type BaselineState = 'new' | 'unchanged' | 'updated' | 'absent';

/**
 * One SARIF result as the editor shows it: what the findings tree, the diagnostics and the
 * quick fixes need, plus the SARIF result itself for anything else.
 */
export interface Finding {
  /** Stable within a log: the fingerprint when there is one, else run and result index. */
  readonly key: string;
  readonly tool: string;
  readonly ruleId: string;
  readonly ruleTitle: string | undefined;
  readonly message: string;
  readonly level: 'error' | 'warning' | 'note' | 'none';
  readonly severity: FindingSeverity;
  readonly securitySeverity: number | undefined;
  readonly helpUri: string | undefined;
  readonly cwes: readonly string[];
  readonly location: FindingLocation;
  readonly related: readonly RelatedFindingLocation[];
  readonly baselineState: BaselineState | undefined;
  readonly suppressed: boolean;
  /** Every tool that reported the same vulnerability (de-duplicated across tools by the merge). */
  readonly seenBy: readonly string[];
  readonly correlationGuid: string | undefined;
  readonly packageName: string | undefined;
  readonly packageVersion: string | undefined;
  readonly fixVersions: readonly string[];
  readonly vulnerabilityIds: readonly string[];
  readonly result: Result;
}
