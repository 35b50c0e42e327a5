// An upload to code scanning holds only the local tools' results: the alerts downloaded from
// GitHub (shown as diagnostics next to local scans) are never sent back to it.
import * as assert from 'node:assert/strict';
import type { Log } from 'sarif';
import { alertsToSarif } from '../../../../src/core/github/alertsToSarif';
import type { CodeScanningAlert } from '../../../../src/core/github/githubModel';
import { prepareSarifUpload } from '../../../../src/core/github/sarifUpload';
import { withoutGithubAlerts } from '../../../../src/core/github/withoutGithubAlerts';

const alert: CodeScanningAlert = {
  number: 1,
  ruleId: 'py/command-line-injection',
  ruleName: 'py/command-line-injection',
  ruleDescription: 'Uncontrolled command line',
  severity: 'high',
  tool: 'CodeQL',
  message: 'This command line depends on a user-provided value.',
  path: 'app/run.py',
  startLine: 7,
  endLine: 7,
  startColumn: 5,
  endColumn: 30,
  htmlUrl: 'https://github.com/octo-org/demo-app/security/code-scanning/1',
  helpUri: undefined,
  tags: ['security'],
};

const banditRun = {
  tool: { driver: { name: 'Bandit', rules: [{ id: 'B602' }] } },
  results: [
    {
      ruleId: 'B602',
      level: 'error',
      message: { text: 'subprocess call with shell=True identified' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'app/run.py' },
            region: { startLine: 7 },
          },
        },
      ],
    },
  ],
};

function toolsOf(text: string): string[] {
  return (JSON.parse(text) as Log).runs.map((run) => run.tool.driver.name);
}

describe('withoutGithubAlerts', () => {
  it('drops the run of alerts downloaded from GitHub and keeps the local tools', () => {
    const github = alertsToSarif(
      [alert, { ...alert, number: 2, startLine: 9 }],
      'octo-org/demo-app',
    );
    const log = { version: '2.1.0', runs: [banditRun, ...github.runs] };
    const local = withoutGithubAlerts(JSON.stringify(log));
    assert.equal(local.removedResults, 2);
    assert.equal(local.runs, 1);
    assert.deepEqual(toolsOf(local.text), ['Bandit']);
    assert.equal(prepareSarifUpload(local.text, 'merged').results, 1);
  });

  it('drops a result that carries a GitHub alert inside a local run, keeping the others', () => {
    const github = alertsToSarif([alert], 'octo-org/demo-app').runs[0]?.results?.[0];
    assert.ok(github);
    const run = { ...banditRun, results: [...banditRun.results, github] };
    const local = withoutGithubAlerts(JSON.stringify({ version: '2.1.0', runs: [run] }));
    assert.equal(local.removedResults, 1);
    const [kept] = (JSON.parse(local.text) as Log).runs;
    assert.deepEqual(
      kept?.results?.map((r) => r.ruleId),
      ['B602'],
    );
  });

  it('leaves a log without GitHub alerts byte for byte, and text that is not SARIF to the checks', () => {
    const text = JSON.stringify({ version: '2.1.0', runs: [banditRun] }, null, 2);
    assert.deepEqual(withoutGithubAlerts(text), { text, removedResults: 0, runs: 1 });
    assert.deepEqual(withoutGithubAlerts('not json'), {
      text: 'not json',
      removedResults: 0,
      runs: 0,
    });
  });

  it('reports no runs left when the log held only GitHub alerts', () => {
    const local = withoutGithubAlerts(JSON.stringify(alertsToSarif([alert], 'octo-org/demo-app')));
    assert.equal(local.runs, 0);
    assert.equal(local.removedResults, 1);
  });
});
