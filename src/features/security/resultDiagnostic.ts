import * as vscode from 'vscode';
import type { Finding, FindingLocation, FindingRange } from '../../core/findings/finding';
import { matchesFilter, noFilter } from '../../core/findings/findingGroups';

const resultDiagnosticBrand = Symbol.for('openpypi.ResultDiagnostic');

/** A Diagnostic that keeps the finding (and through it the SARIF result) it was made from. */
export class ResultDiagnostic extends vscode.Diagnostic {
  /**
   * Commands in a lazily loaded runtime have their own copy of this class: `instanceof` checks
   * a brand every copy sets, so a diagnostic made by dist/extension.js is recognised there too.
   */
  static override [Symbol.hasInstance](value: unknown): value is ResultDiagnostic {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [resultDiagnosticBrand]?: unknown })[resultDiagnosticBrand] === true
    );
  }

  // On the prototype (below), not on each of 100,000 instances.
  declare readonly [resultDiagnosticBrand]: true;

  constructor(
    range: vscode.Range,
    message: string,
    severity: vscode.DiagnosticSeverity,
    readonly finding: Finding,
  ) {
    super(range, message, severity);
  }
}

Object.defineProperty(ResultDiagnostic.prototype, resultDiagnosticBrand, { value: true });

/** The one level → severity map of the editor: high findings are errors, medium warnings, low information. */
export function diagnosticSeverity(finding: Finding): vscode.DiagnosticSeverity {
  switch (finding.severity) {
    case 'high':
      return vscode.DiagnosticSeverity.Error;
    case 'medium':
      return vscode.DiagnosticSeverity.Warning;
    case 'low':
      return vscode.DiagnosticSeverity.Information;
  }
}

const endOfLine = 2 ** 31 - 1;

export function toRange(range: FindingRange | undefined): vscode.Range {
  if (range === undefined) return new vscode.Range(0, 0, 0, endOfLine);
  const startLine = Math.max(0, range.startLine - 1);
  const startCharacter = Math.max(0, range.startColumn - 1);
  const endLine = Math.max(startLine, range.endLine - 1);
  const endCharacter = range.endColumn === undefined ? endOfLine : Math.max(0, range.endColumn - 1);
  const sameLineBackwards = endLine === startLine && endCharacter <= startCharacter;
  return new vscode.Range(
    startLine,
    startCharacter,
    endLine,
    sameLineBackwards ? endOfLine : endCharacter,
  );
}

/** The plain-text message of a diagnostic: the tool's message, then the fix and the weakness. */
export function diagnosticMessage(finding: Finding): string {
  // Most findings add nothing to the tool's message (every one of a 100,000-result import).
  if (
    finding.fixVersions.length === 0 &&
    finding.cwes.length === 0 &&
    finding.baselineState !== 'new'
  ) {
    return finding.message;
  }
  const parts = [finding.message];
  if (finding.fixVersions.length > 0) {
    parts.push(vscode.l10n.t('Fixed in {0}.', finding.fixVersions.join(', ')));
  }
  if (finding.cwes.length > 0) {
    parts.push(`(${finding.cwes.join(', ')})`);
  }
  if (finding.baselineState === 'new') {
    parts.push(vscode.l10n.t('[new since baseline]'));
  }
  return parts.join(' ');
}

type RuleCode = vscode.Diagnostic['code'];

/**
 * Each rule's code, made once per rule id and help link (a few rules serve the 100,000
 * diagnostics of a large import, which then share a handful of frozen code objects instead of
 * holding one each): the rule id, linking to the help page when the link is http(s).
 */
const ruleCodes = new Map<string, Map<string, RuleCode>>();

function ruleCode(finding: Finding): RuleCode {
  const help = finding.helpUri;
  if (help === undefined) return finding.ruleId;
  let byRule = ruleCodes.get(help);
  if (byRule === undefined) {
    // Bounded: help links are few, but a stream of made-up ones must not grow this for ever.
    if (ruleCodes.size >= 1000) ruleCodes.clear();
    byRule = new Map();
    ruleCodes.set(help, byRule);
  }
  let code = byRule.get(finding.ruleId);
  if (code === undefined) {
    let target: vscode.Uri | undefined;
    try {
      target = /^https?:\/\//i.test(help) ? vscode.Uri.parse(help, true) : undefined;
    } catch {
      target = undefined;
    }
    code = target === undefined ? finding.ruleId : Object.freeze({ value: finding.ruleId, target });
    if (byRule.size >= 1000) byRule.clear();
    byRule.set(finding.ruleId, code);
  }
  return code;
}

/**
 * Whether a finding is published as a diagnostic: it is on a workspace file and neither
 * suppressed nor absent from the baseline (the view's filter does not apply to diagnostics).
 */
export function shownAsDiagnostic(
  finding: Finding,
): finding is Finding & { readonly location: Extract<FindingLocation, { kind: 'workspace' }> } {
  return finding.location.kind === 'workspace' && matchesFilter(finding, noFilter);
}

export function toDiagnostic(
  finding: Finding,
  resolve: (relativePath: string) => vscode.Uri,
): ResultDiagnostic | undefined {
  if (finding.location.kind !== 'workspace') return undefined;
  const diagnostic = new ResultDiagnostic(
    toRange(finding.location.range),
    diagnosticMessage(finding),
    diagnosticSeverity(finding),
    finding,
  );
  diagnostic.source = finding.seenBy.length > 1 ? finding.seenBy.join(', ') : finding.tool;
  diagnostic.code = ruleCode(finding);
  if (finding.related.length === 0) return diagnostic;
  const related = finding.related.flatMap((r) =>
    r.location.kind === 'workspace'
      ? [
          new vscode.DiagnosticRelatedInformation(
            new vscode.Location(resolve(r.location.relativePath), toRange(r.location.range)),
            r.message ?? finding.message,
          ),
        ]
      : [],
  );
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}
