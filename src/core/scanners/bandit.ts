import type { Region, Result, Run } from 'sarif';
import { fileLocation } from './artifactLocation';
import { asArray, asPositiveInteger, asRecord, asString, asText, parseToolJson } from './jsonValue';
import { plainText } from '../text/plainText';
import { RunBuilder } from './runBuilder';
import { safeHttpUrl } from './safeHttpUrl';
import type { ParseContext, Scanner } from './scanner';
import { ScannerOutputError } from './scannerOutputError';
import { formatScore, levelForWord, scoreForWord, severityWord } from './severity';

/**
 * Folders Bandit should not scan. Bandit tests each exclude as a substring of the path it walks
 * (`./.venv/lib/x.py`), so the trailing slash keeps `./venvtools/` scanned.
 */
const EXCLUDED = [
  './.git/',
  './.venv/',
  './venv/',
  './node_modules/',
  './.tox/',
  './.nox/',
  './.openpypi/',
];

export const banditScanner: Scanner = {
  id: 'bandit',
  displayName: 'Bandit',
  informationUri: 'https://bandit.readthedocs.io/',
  installHint: 'python -m pip install bandit',
  executableName: 'bandit',
  readsManifests: false,
  versionArgs: ['--version'],
  parseVersion: (output) => /\bbandit\s+v?(\d+(?:\.\d+)+\S*)/i.exec(output)?.[1],
  // Bandit exits 1 when it found issues, 0 when not; anything else (2: bad arguments) is a failure.
  exitCodeMeaning: (code) => (code === 0 ? 'ok' : code === 1 ? 'findings' : 'error'),
  argsForWorkspace: () => ['-f', 'json', '-q', '-r', '.', '-x', EXCLUDED.join(',')],
  argsForFiles: (_target, files) => {
    const python = files.filter((f) => /\.pyw?$/i.test(f));
    return python.length === 0 ? undefined : ['-f', 'json', '-q', '--', ...python];
  },
  parse: parseBanditJson,
};

/**
 * Reads `bandit -f json`, both the 1.6 shape (no columns, no CWE) and 1.7+ (`col_offset`
 * 0-based, `end_col_offset`, `issue_cwe`). Severity gives the level; severity and confidence are
 * both kept in the result's properties.
 */
export function parseBanditJson(stdout: string, context: ParseContext): Run {
  const report = asRecord(parseToolJson('Bandit', stdout));
  if (report === undefined || !Array.isArray(report.results)) {
    throw new ScannerOutputError('Bandit', 'expected a JSON object with a "results" array.');
  }
  const builder = new RunBuilder(
    { name: 'Bandit', version: context.toolVersion, informationUri: banditScanner.informationUri },
    context.root,
  );
  let skipped = 0;
  for (const item of report.results) {
    const issue = asRecord(item);
    const testId = asString(issue?.test_id);
    const filename = asString(issue?.filename);
    const line = asPositiveInteger(issue?.line_number);
    if (
      issue === undefined ||
      testId === undefined ||
      filename === undefined ||
      line === undefined
    ) {
      skipped++;
      continue;
    }
    const severity = severityWord(issue.issue_severity);
    const confidence = severityWord(issue.issue_confidence);
    const text = plainText(asString(issue.issue_text) ?? testId);
    const testName = plainText(asString(issue.test_name) ?? testId);
    const moreInfo = safeHttpUrl(asString(issue.more_info));
    const cwe = asRecord(issue.issue_cwe);
    const cweId = asText(cwe?.id);
    const ruleIndex = builder.rule(testId, () => ({
      name: testName,
      shortDescription: { text: `${testId}: ${testName}` },
      fullDescription: { text },
      help: {
        text: `${text}${moreInfo === undefined ? '' : `\nMore information: ${moreInfo}`}`,
      },
      ...(moreInfo === undefined ? {} : { helpUri: moreInfo }),
      properties: {
        tags: [
          'security',
          ...(cweId !== undefined && /^\d+$/.test(cweId) ? [`external/cwe/cwe-${cweId}`] : []),
        ],
        ...(severity === undefined
          ? {}
          : { 'security-severity': formatScore(scoreForWord(severity)) }),
      },
    }));
    raiseRuleSeverity(builder, ruleIndex, severity);

    const region: Region = { startLine: line };
    const column = asNonNegativeInteger(issue.col_offset);
    if (column !== undefined) {
      region.startColumn = column + 1;
      const endColumn = asNonNegativeInteger(issue.end_col_offset);
      const lineRange = asArray(issue.line_range).map(asPositiveInteger);
      const endLine = lineRange.length > 0 ? lineRange[lineRange.length - 1] : undefined;
      if (endLine !== undefined && endLine >= line) {
        region.endLine = endLine;
      }
      if (endColumn !== undefined && ((region.endLine ?? line) > line || endColumn > column)) {
        region.endColumn = endColumn + 1;
      }
    }
    const snippet = snippetOf(asString(issue.code), line);
    if (snippet !== undefined) {
      region.snippet = { text: snippet };
    }
    const result: Omit<Result, 'ruleId' | 'ruleIndex'> = {
      level: levelForWord(severity),
      message: { text },
      locations: [fileLocation(context.root, filename, region)],
      properties: {
        severity: severity ?? 'UNDEFINED',
        confidence: confidence ?? 'UNDEFINED',
        ...(cweId === undefined ? {} : { cwe: `CWE-${cweId}` }),
      },
    };
    builder.add(ruleIndex, result);
  }
  if (skipped > 0) {
    builder.notify(
      'warning',
      `Bandit reported ${skipped} issue(s) without a test id, file or line; they were skipped.`,
    );
  }
  for (const item of asArray(report.errors)) {
    const error = asRecord(item);
    const file = asString(error?.filename);
    const reason = plainText(asString(error?.reason) ?? 'unknown reason');
    builder.notify(
      'error',
      `Bandit could not scan ${file ?? 'a file'}: ${reason}`,
      file === undefined ? undefined : { file },
    );
  }
  return builder.build();
}

/** A rule's security-severity is the highest severity any of its results had. */
function raiseRuleSeverity(
  builder: RunBuilder,
  index: number,
  severity: ReturnType<typeof severityWord>,
): void {
  const properties = builder.ruleAt(index)?.properties;
  if (properties === undefined || severity === undefined) {
    return;
  }
  const current = Number(properties['security-severity'] ?? 0);
  const candidate = scoreForWord(severity);
  if (candidate > current) {
    properties['security-severity'] = formatScore(candidate);
  }
}

function asNonNegativeInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 31
    ? value
    : undefined;
}

/** Bandit's `code` is lines prefixed with their numbers; keep the text of the reported line. */
function snippetOf(code: string | undefined, line: number): string | undefined {
  if (code === undefined) {
    return undefined;
  }
  for (const codeLine of code.split('\n')) {
    const match = /^(\d+)\s(.*)$/.exec(codeLine);
    if (match?.[1] !== undefined && Number(match[1]) === line) {
      return plainText(match[2] ?? '', 2000);
    }
  }
  return undefined;
}
