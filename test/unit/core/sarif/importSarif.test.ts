import * as assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Run } from 'sarif';
import { importSarif } from '../../../../src/core/sarif/importSarif';
import { SarifImportError } from '../../../../src/core/sarif/sarifImportError';
import { property } from '../../../../src/core/sarif/sarifVocabulary';
import { DEMO_WORKSPACE, readFixture } from './sarifFixtures';

const root = DEMO_WORKSPACE;

function importFixture(relative: string): Run[] {
  return importSarif(readFixture(relative), { root, source: relative }).runs;
}

function firstRun(runs: Run[]): Run {
  const [run] = runs;
  assert.ok(run, 'expected a run');
  return run;
}

describe('importSarif', () => {
  it('reads a log that starts with a UTF-8 byte order mark', () => {
    const text = readFixture('sarif-sdk/valid/elfie-arriba-utf8-bom.sarif');
    assert.equal(text.charCodeAt(0), 0xfeff);
    const run = firstRun(importSarif(text, { root }).runs);
    assert.equal(run.results?.length, 5);
  });

  for (const [file, version] of [
    ['sarif-sdk/invalid/v1.0.0__BasicResult.sarif', '1.0.0'],
    ['sarif-sdk/invalid/v2.0.0__Minimal.sarif', '2.0.0'],
  ] as const) {
    it(`rejects SARIF ${version} with an error naming the file and the version`, () => {
      assert.throws(
        () => importSarif(readFixture(file), { root, source: file }),
        (error: unknown) =>
          error instanceof SarifImportError &&
          error.failure === 'unsupported-version' &&
          error.version === version &&
          error.message.includes(file) &&
          error.message.includes(version),
      );
    });
  }

  it('rejects the SARIF 2.2 draft', () => {
    const text = JSON.stringify({ version: '2.2', runs: [] });
    assert.throws(
      () => importSarif(text, { root, source: 'draft.sarif' }),
      /draft\.sarif: states SARIF version 2\.2/,
    );
  });

  it('rejects text that is not JSON, naming the file', () => {
    const file = 'sarif-sdk/invalid/JSON1001.SyntaxError.sarif';
    assert.throws(
      () => importSarif(readFixture(file), { root, source: file }),
      (error: unknown) =>
        error instanceof SarifImportError &&
        error.failure === 'not-json' &&
        error.message.startsWith(file),
    );
  });

  it('finds the version after the runs, at the end of the document', () => {
    const text = readFixture('third-party/taint-python-report.sarif');
    assert.ok(text.lastIndexOf('"version"') > text.indexOf('"runs"'));
    assert.equal(firstRun(importSarif(text, { root }).runs).results?.length, 11);
  });

  it('accepts SARIF saved with a .json name and an empty runs array', () => {
    assert.equal(firstRun(importFixture('third-party/issue_10191.json')).results?.length, 77);
    assert.deepEqual(importFixture('third-party/no_runs.sarif'), []);
  });

  it('imports "results": 42 as a run without results and says so', () => {
    const file = 'codeql-action/invalid/invalid-sarif.sarif';
    const imported = importSarif(readFixture(file), { root, source: file });
    assert.deepEqual(firstRun(imported.runs).results, []);
    assert.ok(imported.problems.some((problem) => problem.pointer === '/runs/0/results'));
  });

  it('names a tool whose driver.name is null', () => {
    const runs = importFixture('codeql-action/invalid/tool-names.sarif');
    assert.equal(runs.length, 5);
    assert.ok(
      runs.every((run) => typeof run.tool.driver.name === 'string' && run.tool.driver.name !== ''),
    );
  });

  it('gives a result without a message its rule description', () => {
    const run = firstRun(importFixture('third-party/flawfinder.sarif'));
    const result = run.results?.[52];
    assert.ok(result);
    const rule = run.tool.driver.rules?.[result.ruleIndex ?? -1];
    assert.equal(result.message.text, rule?.shortDescription?.text);
    assert.ok(result.message.text);
  });

  it('takes the level from the rule default, then warning', () => {
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'T',
              rules: [{ id: 'A', defaultConfiguration: { level: 'error' } }, { id: 'B' }],
            },
          },
          results: [
            { ruleId: 'A', message: { text: 'a' } },
            { ruleIndex: 1, message: { text: 'b' } },
          ],
        },
      ],
    });
    const run = firstRun(importSarif(text, { root }).runs);
    assert.deepEqual(
      run.results?.map((result) => [result.ruleId, result.level]),
      [
        ['A', 'error'],
        ['B', 'warning'],
      ],
    );
  });

  it('finds rules given by ruleIndex or under tool.extensions and lists them in the driver', () => {
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: { name: 'CodeQL', rules: [] },
            extensions: [
              {
                name: 'pack',
                rules: [
                  {
                    id: 'py/sql',
                    shortDescription: { text: 'SQL injection' },
                    defaultConfiguration: { level: 'error' },
                  },
                ],
              },
            ],
          },
          results: [{ rule: { index: 0, toolComponent: { index: 0 } }, message: { text: 'x' } }],
        },
      ],
    });
    const run = firstRun(importSarif(text, { root }).runs);
    const result = run.results?.[0];
    assert.equal(result?.ruleId, 'py/sql');
    assert.equal(result.level, 'error');
    assert.equal(
      run.tool.driver.rules?.[result.ruleIndex ?? -1]?.shortDescription?.text,
      'SQL injection',
    );
    assert.equal(result.rule, undefined);
  });

  it('repairs regions: startColumn 0, negative charLength, empty region', () => {
    const bandit = firstRun(importFixture('bandit/formatter-sarif-docstring-example.sarif'));
    const region = bandit.results?.[0]?.locations?.[0]?.physicalLocation?.region;
    assert.equal(region?.startColumn, 1);
    assert.equal(region.startLine, 1);

    const rel = firstRun(importFixture('sarif-sdk/invalid/Rel_All.sarif'));
    const negative = rel.results?.[5]?.locations?.[0]?.physicalLocation;
    assert.equal(negative?.region?.charLength, undefined);
    assert.equal(negative?.region?.charOffset, undefined);
    assert.equal(negative?.region?.startLine, 15);
    assert.deepEqual(negative.properties?.[property.originalRegion], {
      startLine: 15,
      startColumn: 9,
      endLine: 15,
      endColumn: 8,
      charOffset: 442,
      charLength: -1,
    });

    const embedded = firstRun(importFixture('sarif-sdk/invalid/EmbeddedLocations.csv.sarif'));
    const empty = embedded.results?.[0]?.relatedLocations?.[0]?.physicalLocation;
    assert.ok(empty);
    assert.equal(empty.region, undefined);
  });

  it('keeps markdown only as data and text as text', () => {
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'T',
              rules: [{ id: 'R', help: { text: 'h', markdown: '[x](javascript:alert(1))' } }],
            },
          },
          results: [
            {
              ruleId: 'R',
              message: {
                text: '<img src=x onerror=alert(1)> \u001b[31mred\u001b[0m',
                markdown: '**bold**',
              },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'app/web.py' } } }],
            },
          ],
        },
      ],
    });
    const run = firstRun(importSarif(text, { root }).runs);
    const result = run.results?.[0];
    assert.ok(result);
    assert.equal(result.message.markdown, undefined);
    assert.equal(result.message.text, '<img src=x onerror=alert(1)> red');
    assert.equal(result.properties?.[property.markdown], '**bold**');
    const rule = run.tool.driver.rules?.[0];
    assert.ok(rule);
    assert.equal(rule.help?.markdown, undefined);
    assert.deepEqual(rule.properties?.[property.markdown], { help: '[x](javascript:alert(1))' });
  });

  it('keeps fields SARIF does not define as data in the property bag', () => {
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'T', vendorThing: 1 } },
          taxonomies: [{ name: 'CWE' }],
          results: [
            {
              ruleId: 'R',
              message: { text: 'm' },
              custom: { a: [1, 2] },
              properties: { 'security-severity': '7.5', tags: ['x', 'x', 3] },
            },
          ],
        },
      ],
    });
    const run = firstRun(importSarif(text, { root }).runs);
    const result = run.results?.[0];
    assert.deepEqual(result?.properties?.[property.unknown], { custom: { a: [1, 2] } });
    assert.equal(result.properties['security-severity'], '7.5');
    assert.deepEqual(result.properties.tags, ['x']);
    assert.deepEqual(run.properties?.[property.unknown], { taxonomies: [{ name: 'CWE' }] });
    assert.deepEqual(run.tool.driver.properties?.[property.unknown], { vendorThing: 1 });
  });

  it('anchors a result without locations at the imported log and says so', () => {
    const run = firstRun(importFixture('sarif-sdk/valid/MultipleRuns.sarif'));
    const result = run.results?.[0];
    assert.equal(result?.properties?.[property.noLocation], true);
    assert.equal(result.locations?.length, 1);
  });

  it('marks files outside the workspace as external and never maps them inside', () => {
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'T' } },
          originalUriBaseIds: { SRCROOT: { uri: 'file:///home/ci/project/' } },
          results: [
            '../../etc/passwd',
            'file:///etc/shadow',
            '\\\\host\\share\\x.py',
            'file://host/share/y.py',
            'app/web.py',
          ].map((uri) => ({
            ruleId: 'R',
            message: { text: uri },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri, uriBaseId: 'SRCROOT' },
                  region: { startLine: 2 },
                },
              },
            ],
          })),
        },
      ],
    });
    const run = firstRun(importSarif(text, { root }).runs);
    const summary = run.results?.map((result) => [
      result.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
      result.locations?.[0]?.physicalLocation?.artifactLocation?.uriBaseId,
      result.properties?.[property.external] === true,
    ]);
    assert.deepEqual(summary, [
      [pathToFileURL(path.resolve(root, '../../etc/passwd')).href, undefined, true],
      ['file:///etc/shadow', undefined, true],
      ['file://host/share/x.py', undefined, true],
      ['file://host/share/y.py', undefined, true],
      ['app/web.py', '%SRCROOT%', false],
    ]);
  });

  it('writes a lone surrogate in a relative base URI as U+FFFD instead of throwing URIError', () => {
    // Found by the property test (seed -1443721214): a mangled originalUriBaseIds entry.
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 't' } },
          originalUriBaseIds: { B: { uri: 'sub\ud800/' } },
          results: [
            {
              message: { text: 'm' },
              locations: [
                { physicalLocation: { artifactLocation: { uri: 'x.py', uriBaseId: 'B' } } },
              ],
            },
          ],
        },
      ],
    };
    const { runs } = importSarif(JSON.stringify(log), { root: DEMO_WORKSPACE });
    const artifact = runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation;
    assert.equal(artifact?.uri, 'sub%EF%BF%BD/x.py');
    assert.equal(artifact.uriBaseId, '%SRCROOT%');
  });
});
