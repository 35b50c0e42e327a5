import type { Finding } from '../../src/core/findings/finding';
import { findingSeverity } from '../../src/core/findings/findingSeverity';

let counter = 0;

/** A finding with sensible defaults; override what the test is about. */
export function aFinding(
  overrides: Partial<Finding> & { file?: string; line?: number } = {},
): Finding {
  counter += 1;
  const { file = 'app/run.py', line = 7, ...rest } = overrides;
  const level = rest.level ?? 'warning';
  return {
    key: `k${counter}`,
    tool: 'bandit',
    ruleId: 'B602',
    ruleTitle: 'subprocess_popen_with_shell_equals_true',
    message: 'subprocess call with shell=True identified',
    level,
    severity: findingSeverity(level, rest.securitySeverity),
    securitySeverity: undefined,
    helpUri: undefined,
    cwes: [],
    location: {
      kind: 'workspace',
      relativePath: file,
      range: { startLine: line, startColumn: 1, endLine: line, endColumn: undefined },
    },
    related: [],
    baselineState: undefined,
    suppressed: false,
    seenBy: [rest.tool ?? 'bandit'],
    correlationGuid: undefined,
    packageName: undefined,
    packageVersion: undefined,
    fixVersions: [],
    vulnerabilityIds: [],
    result: { message: { text: 'x' } },
    ...rest,
  };
}
