import type { Result, Run } from 'sarif';
import { property } from '../../../../src/core/sarif/sarifVocabulary';

/** A scanner-shaped run (as the scanner adapters produce them) for tests. */
export function runOf(tool: string, results: Result[]): Run {
  const ids = [...new Set(results.map((result) => result.ruleId ?? 'R'))];
  return {
    tool: { driver: { name: tool, version: '1.0', rules: ids.map((id) => ({ id })) } },
    originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///irrelevant/' } },
    results: results.map((result) => ({ ...result, ruleIndex: ids.indexOf(result.ruleId ?? 'R') })),
    invocations: [{ executionSuccessful: true }],
  };
}

/** A dependency finding on `requirements.txt`, as the pip-audit/Safety/Trivy adapters write them. */
export function dependencyResult(pkg: string, version: string, ids: string[], line = 1): Result {
  return {
    ruleId: ids[0] ?? 'R',
    level: 'error',
    message: { text: `${pkg} ${version} is vulnerable (${ids.join(', ')})` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' },
          region: { startLine: line },
        },
      },
    ],
    properties: {
      [property.package]: { name: pkg, version },
      [property.vulnerabilityIds]: ids,
      [property.fixVersions]: ['9.9'],
    },
  };
}

/** A code finding at `file:line`. */
export function codeResult(
  ruleId: string,
  file: string,
  line: number,
  level: Result['level'] = 'warning',
): Result {
  return {
    ruleId,
    level,
    message: { text: `${ruleId} here` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
          region: { startLine: line },
        },
      },
    ],
  };
}
