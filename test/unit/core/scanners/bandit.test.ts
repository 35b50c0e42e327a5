import * as assert from 'node:assert/strict';
import { parseBanditJson } from '../../../../src/core/scanners/bandit';
import { ScannerOutputError } from '../../../../src/core/scanners/scannerOutputError';
import { assertRunShape, demoRoot, fixture, resultKeys } from './runShape';

/** A Bandit 1.7+ issue (the shape with columns and CWE), built here because no real 1.7+ JSON could be cited. */
function banditIssue(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: '6 def run(cmd):\n7     subprocess.call(cmd, shell=True)\n8 \n',
    col_offset: 4,
    end_col_offset: 36,
    filename: './app/run.py',
    issue_confidence: 'HIGH',
    issue_cwe: { id: 78, link: 'https://cwe.mitre.org/data/definitions/78.html' },
    issue_severity: 'HIGH',
    issue_text: 'subprocess call with shell=True identified, security issue.',
    line_number: 7,
    line_range: [7],
    more_info:
      'https://bandit.readthedocs.io/en/1.7.5/plugins/b602_subprocess_popen_with_shell_equals_true.html',
    test_id: 'B602',
    test_name: 'subprocess_popen_with_shell_equals_true',
    ...overrides,
  };
}

function report(results: unknown[], errors: unknown[] = []): string {
  return JSON.stringify({ errors, generated_at: '2024-01-01T00:00:00Z', metrics: {}, results });
}

describe('Bandit adapter', () => {
  it('reads real 1.7.0-era output (no columns, no CWE): level from severity, confidence kept', () => {
    const run = parseBanditJson(fixture('bandit', 'one_vuln.json'), {
      root: '/project',
      toolVersion: '1.7.0',
    });
    assertRunShape(run);
    assert.deepEqual(resultKeys(run), [['B101', 'one/one.py', 2]]);
    const result = run.results?.[0];
    assert.equal(result?.level, 'note');
    assert.deepEqual(result.properties, { severity: 'LOW', confidence: 'HIGH' });
    assert.equal(result.locations?.[0]?.physicalLocation?.region?.startColumn, undefined);
    assert.equal(result.locations?.[0]?.physicalLocation?.region?.snippet?.text, 'assert False');
    const rule = run.tool.driver.rules?.[0];
    assert.equal(rule?.properties?.['security-severity'], '2.0');
    assert.deepEqual(rule.properties.tags, ['security']);
    assert.equal(run.tool.driver.version, '1.7.0');
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%']?.uri, 'file:///project/');
  });

  it('reads a larger real report: every issue becomes a result, one rule per test id', () => {
    const run = parseBanditJson(fixture('bandit', 'dd.json'), { root: '/project' });
    assertRunShape(run);
    assert.equal(run.results?.length, 47);
    const ruleIds = new Set(run.results.map((r) => r.ruleId));
    assert.equal(run.tool.driver.rules?.length, ruleIds.size);
    assert.deepEqual(
      parseBanditJson(fixture('bandit', 'no_vuln.json'), { root: '/p' }).results,
      [],
    );
  });

  it('reads the 1.7+ shape: 0-based col_offset to 1-based columns, end_col_offset, issue_cwe', () => {
    const run = parseBanditJson(report([banditIssue({ line_range: [7, 8] })]), {
      root: '/project',
    });
    assertRunShape(run);
    const region = run.results?.[0]?.locations?.[0]?.physicalLocation?.region;
    assert.deepEqual(region, {
      startLine: 7,
      startColumn: 5,
      endLine: 8,
      endColumn: 37,
      snippet: { text: '    subprocess.call(cmd, shell=True)' },
    });
    assert.deepEqual(run.tool.driver.rules?.[0]?.properties, {
      tags: ['security', 'external/cwe/cwe-78'],
      'security-severity': '8.0',
    });
    assert.equal(run.results?.[0]?.level, 'error');
    assert.equal(run.results[0].properties?.cwe, 'CWE-78');
  });

  it('makes paths relative to the workspace, however Bandit printed them', () => {
    const run = parseBanditJson(
      report([
        banditIssue({ filename: './app/run.py' }),
        banditIssue({ filename: '/project/app/web.py' }),
        banditIssue({ filename: 'app\\windows.py' }),
        banditIssue({ filename: 'dir with space/ü.py' }),
        banditIssue({ filename: '/elsewhere/x.py' }),
      ]),
      { root: '/project' },
    );
    assertRunShape(run);
    const uris = run.results?.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation);
    assert.deepEqual(uris, [
      { uri: 'app/run.py', uriBaseId: '%SRCROOT%' },
      { uri: 'app/web.py', uriBaseId: '%SRCROOT%' },
      { uri: 'app/windows.py', uriBaseId: '%SRCROOT%' },
      { uri: 'dir%20with%20space/%C3%BC.py', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///elsewhere/x.py' },
    ]);
    assert.deepEqual(run.results?.[4]?.locations?.[0]?.properties, { 'openpypi/external': true });
  });

  it('keeps the highest severity of a test on its rule, and each result its own level', () => {
    const run = parseBanditJson(
      report([
        banditIssue({ issue_severity: 'LOW' }),
        banditIssue({ issue_severity: 'MEDIUM', line_number: 9 }),
      ]),
      { root: '/project' },
    );
    assert.deepEqual(
      run.results?.map((r) => r.level),
      ['note', 'warning'],
    );
    assert.equal(run.tool.driver.rules?.[0]?.properties?.['security-severity'], '5.5');
  });

  it('turns errors[] into tool execution notifications', () => {
    const run = parseBanditJson(
      report([], [{ filename: './legacy.py', reason: 'syntax error while parsing AST from file' }]),
      {
        root: '/project',
      },
    );
    const notes = run.invocations?.[0]?.toolExecutionNotifications;
    assert.equal(notes?.length, 1);
    assert.equal(notes[0]?.level, 'error');
    assert.match(notes[0].message.text ?? '', /could not scan \.\/legacy\.py: syntax error/);
  });

  it('keeps tool text plain: HTML and ANSI stay text, javascript: links are dropped', () => {
    const run = parseBanditJson(
      report([
        banditIssue({
          issue_text: '<img src=x onerror=alert(1)> **bold** \u001b[31mred\u001b[0m',
          more_info: 'javascript:alert(1)',
        }),
      ]),
      { root: '/project' },
    );
    assert.equal(run.results?.[0]?.message.text, '<img src=x onerror=alert(1)> **bold** red');
    assert.equal(run.tool.driver.rules?.[0]?.helpUri, undefined);
  });

  it('skips an issue without a line and says so, keeping the others', () => {
    const run = parseBanditJson(report([banditIssue({ line_number: 'seven' }), banditIssue()]), {
      root: '/p',
    });
    assert.equal(run.results?.length, 1);
    assert.match(
      run.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text ?? '',
      /1 issue\(s\)/,
    );
  });

  it('rejects output that is not Bandit JSON with a typed, clear error', () => {
    assert.throws(
      () => parseBanditJson('', { root: demoRoot }),
      /Bandit output could not be read: the tool printed nothing/,
    );
    assert.throws(() => parseBanditJson('{"results": 3}', { root: demoRoot }), ScannerOutputError);
    assert.throws(
      () => parseBanditJson('[main]\tINFO\tprofile include tests: None', { root: demoRoot }),
      (e: unknown) =>
        e instanceof ScannerOutputError && /not JSON.*starts with "\[main\]/.test(e.message),
    );
  });
});
