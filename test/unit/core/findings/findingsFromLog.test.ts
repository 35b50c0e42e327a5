import * as assert from 'node:assert/strict';
import type { Log } from 'sarif';
import { findingLocation, findingsFromLog } from '../../../../src/core/findings/findingsFromLog';
import { buildFindingsTree, contextValueOf } from '../../../../src/core/findings/findingsTreeModel';
import { noFilter } from '../../../../src/core/findings/findingGroups';

function logWith(): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Bandit',
            rules: [
              {
                id: 'B602',
                shortDescription: { text: 'subprocess_popen_with_shell_equals_true' },
                helpUri: 'https://bandit.readthedocs.io/en/latest/plugins/b602.html',
                properties: {
                  tags: ['security', 'external/cwe/cwe-78'],
                  'security-severity': '8.0',
                },
              },
            ],
          },
        },
        results: [
          {
            ruleId: 'B602',
            ruleIndex: 0,
            level: 'warning',
            message: { text: 'subprocess call with shell=True identified' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'app/run%20me.py', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 7, startColumn: 12, endColumn: 40 },
                },
              },
            ],
            relatedLocations: [
              {
                message: { text: 'host comes from here' },
                physicalLocation: {
                  artifactLocation: { uri: 'app/web.py', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 12 },
                },
              },
            ],
            partialFingerprints: { 'openpypi/v1': 'fp-1' },
            baselineState: 'new',
          },
          {
            ruleId: 'B602',
            ruleIndex: 0,
            message: { text: 'outside' },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri: 'file:///etc/shadow' } },
                properties: { 'openpypi/external': true },
              },
            ],
            suppressions: [{ kind: 'inSource', justification: 'reviewed' }],
          },
        ],
      },
    ],
  };
}

describe('findings from a SARIF log', () => {
  const findings = findingsFromLog(logWith()).get('Bandit') ?? [];

  it('maps a workspace result with its range, rule, docs, CWE and severity', () => {
    const [first] = findings;
    assert.ok(first);
    assert.equal(first.key, 'fp-1');
    assert.equal(first.ruleId, 'B602');
    assert.equal(first.helpUri, 'https://bandit.readthedocs.io/en/latest/plugins/b602.html');
    assert.deepEqual(first.cwes, ['CWE-78']);
    // security-severity 8.0 makes a warning a high finding.
    assert.equal(first.severity, 'high');
    assert.deepEqual(first.location, {
      kind: 'workspace',
      relativePath: 'app/run me.py',
      range: { startLine: 7, startColumn: 12, endLine: 7, endColumn: 40 },
    });
    assert.equal(first.related[0]?.message, 'host comes from here');
    assert.equal(first.baselineState, 'new');
  });

  it('keeps a result outside the workspace as external and honours suppressions', () => {
    const second = findings[1];
    assert.ok(second);
    assert.deepEqual(second.location, { kind: 'external', uri: 'file:///etc/shadow' });
    assert.equal(second.suppressed, true);
    assert.equal(second.level, 'warning', 'no level falls back to warning');
  });

  it('builds a tree whose finding nodes offer docs', () => {
    const roots = buildFindingsTree({
      entries: [{ folder: '/w', source: 'bandit', findings }],
      tools: [
        {
          folder: '/w',
          tool: 'Trivy',
          status: 'not-installed',
          message: undefined,
          installHint: 'pip install trivy',
        },
      ],
      folders: [],
      groupBy: 'severity',
      filter: noFilter,
    });
    assert.deepEqual(
      roots.map((node) => contextValueOf(node)),
      ['openpypi.tool.not-installed.installable', 'openpypi.group.severity'],
    );
  });
});

describe('findingLocation', () => {
  const at = (uri: string) =>
    findingLocation({ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' } } });

  it('treats a path with a .. segment as external, wherever the segment is', () => {
    for (const uri of ['..', '../x.py', 'app/..', 'app/../../etc/passwd', 'app/%2E%2E/x.py']) {
      assert.deepEqual(at(uri), { kind: 'external', uri }, uri);
    }
  });

  it('keeps names that only contain dots as workspace files', () => {
    for (const uri of ['..hidden/x.py', 'app/x..py', 'a..b/c', 'app/.../x.py']) {
      assert.equal(at(uri).kind, 'workspace', uri);
    }
  });
});
