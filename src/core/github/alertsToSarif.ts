import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { AlertSeverity, CodeScanningAlert } from './githubModel';

/** The tool name GitHub alerts carry in the editor: the diagnostics' `source`. */
export const githubCodeScanningTool = 'GitHub code scanning';

/** Property names under which a result keeps where it came from on GitHub. */
export const githubAlertProperty = {
  number: 'github/alertNumber',
  repository: 'github/repository',
  tool: 'github/tool',
  url: 'github/alertUrl',
} as const;

const securitySeverity: Partial<Record<AlertSeverity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
};

function levelOf(severity: AlertSeverity): Result.level {
  switch (severity) {
    case 'critical':
    case 'high':
    case 'error':
      return 'error';
    case 'medium':
    case 'warning':
      return 'warning';
    case 'low':
    case 'note':
      return 'note';
  }
}

/**
 * Open code scanning alerts as one SARIF run of the tool "GitHub code scanning", so they go
 * through the same import, findings store and diagnostics as a local scan. Each result keeps
 * its alert number, repository and original tool in its property bag (to dismiss it later).
 */
export function alertsToSarif(alerts: readonly CodeScanningAlert[], repository: string): Log {
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const alert of alerts) {
    if (!rules.has(alert.ruleId)) {
      const severity = securitySeverity[alert.severity];
      rules.set(alert.ruleId, {
        id: alert.ruleId,
        ...(alert.ruleName === undefined ? {} : { name: alert.ruleName }),
        shortDescription: { text: alert.ruleDescription ?? alert.ruleId },
        ...(alert.helpUri === undefined ? {} : { helpUri: alert.helpUri }),
        properties: {
          tags: [...alert.tags],
          ...(severity === undefined ? {} : { 'security-severity': severity }),
        },
      });
    }
    const region =
      alert.startLine === undefined
        ? undefined
        : {
            startLine: alert.startLine,
            ...(alert.endLine === undefined ? {} : { endLine: alert.endLine }),
            ...(alert.startColumn === undefined ? {} : { startColumn: alert.startColumn }),
            ...(alert.endColumn === undefined ? {} : { endColumn: alert.endColumn }),
          };
    results.push({
      ruleId: alert.ruleId,
      level: levelOf(alert.severity),
      message: { text: `${alert.message} [${alert.tool} alert #${alert.number}]` },
      ...(alert.path === undefined
        ? {}
        : {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: alert.path, uriBaseId: '%SRCROOT%' },
                  ...(region === undefined ? {} : { region }),
                },
              },
            ],
          }),
      properties: {
        [githubAlertProperty.number]: alert.number,
        [githubAlertProperty.repository]: repository,
        [githubAlertProperty.tool]: alert.tool,
        [githubAlertProperty.url]: alert.htmlUrl,
      },
    });
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: githubCodeScanningTool,
            informationUri: 'https://docs.github.com/code-security/code-scanning',
            rules: [...rules.values()],
          },
        },
        results,
      },
    ],
  };
}

/** The alert a finding's SARIF result came from, if it came from GitHub code scanning. */
export function alertOfResult(
  result: Result,
): { readonly number: number; readonly repository: string } | undefined {
  const properties = result.properties ?? {};
  const alertNumber = properties[githubAlertProperty.number] as unknown;
  const repository = properties[githubAlertProperty.repository] as unknown;
  return typeof alertNumber === 'number' && typeof repository === 'string'
    ? { number: alertNumber, repository }
    : undefined;
}
