import type { Finding } from '../../../../src/core/findings/finding';

/** What the import worker sends of a finding: everything, with the result cut to rule and message. */
export function asSent(finding: Finding): Finding {
  const { ruleId } = finding.result;
  return {
    ...finding,
    result: { ...(ruleId === undefined ? {} : { ruleId }), message: { text: finding.message } },
  };
}

/** Findings as plain data, in key order (an undefined property and a missing one are the same). */
export function byKeyAsData(findings: readonly Finding[]): unknown {
  return JSON.parse(JSON.stringify([...findings].sort((a, b) => a.key.localeCompare(b.key))));
}
