import * as assert from 'node:assert/strict';
import { silentLogger } from '../../../../src/core/logging/logger';
import { loadPackageLocator } from '../../../../src/core/manifests/manifestIndex';
import { parsePipAuditJson, pipAuditScanner } from '../../../../src/core/scanners/pipAudit';
import type { ParseContext } from '../../../../src/core/scanners/scanner';
import { ScannerOutputError } from '../../../../src/core/scanners/scannerOutputError';
import { assertRunShape, demoRoot, fixture } from './runShape';

describe('pip-audit adapter', () => {
  let context: ParseContext;
  before(async () => {
    context = {
      root: demoRoot,
      toolVersion: '2.7.3',
      auditedManifests: ['requirements.txt'],
      locator: await loadPackageLocator(
        demoRoot,
        ['requirements.txt', 'pyproject.toml'],
        silentLogger,
      ),
    };
  });

  it('places each vulnerability on the line of the audited manifest that declares the package', () => {
    const run = parsePipAuditJson(fixture('pip-audit', 'readme-json-example.json'), context);
    assertRunShape(run);
    assert.equal(run.results?.length, 2);
    const result = run.results[0];
    assert.equal(result?.ruleId, 'PYSEC-2019-179');
    assert.deepEqual(result.locations?.[0]?.physicalLocation, {
      artifactLocation: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 1, endColumn: 14, snippet: { text: 'flask==0.12.2' } },
    });
    assert.deepEqual(result.properties, {
      'openpypi/package': { name: 'flask', version: '0.5' },
      'openpypi/vulnerabilityIds': ['PYSEC-2019-179', 'CVE-2019-1010083', 'GHSA-5wv5-4vpf-pj6m'],
      'openpypi/fixVersions': ['1.0'],
    });
    assert.match(
      result.message.text ?? '',
      /^flask 0\.5 has a known vulnerability: PYSEC-2019-179 \(CVE-2019-1010083, GHSA-5wv5-4vpf-pj6m\)\. Fixed in 1\.0\./,
    );
    assert.equal(result.level, 'warning');
    assert.equal(
      run.tool.driver.rules?.[0]?.helpUri,
      'https://osv.dev/vulnerability/PYSEC-2019-179',
    );
    assert.equal(run.tool.driver.version, '2.7.3');
  });

  it('reads the pre-2.0 array and the {dependencies, fixes} object the same way', () => {
    const legacy = parsePipAuditJson(fixture('pip-audit', 'many_vulns.json'), context);
    const current = parsePipAuditJson(fixture('pip-audit', 'many_vulns_new.json'), context);
    assertRunShape(legacy);
    assert.equal(legacy.results?.length, 7);
    assert.deepEqual(current.results, legacy.results);
    const withFixes = JSON.stringify({
      dependencies: JSON.parse(fixture('pip-audit', 'many_vulns.json')) as unknown,
      fixes: [],
    });
    assert.deepEqual(parsePipAuditJson(withFixes, context).results, legacy.results);
  });

  it('falls back to the audited manifest file when no line declares the package', () => {
    const run = parsePipAuditJson(fixture('pip-audit', 'many_vulns.json'), context);
    const aiohttp = run.results?.find((r) => r.ruleId === 'PYSEC-2021-76');
    assert.deepEqual(aiohttp?.locations?.[0], {
      physicalLocation: { artifactLocation: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' } },
      properties: { 'openpypi/placement': 'manifest-file' },
    });
    assert.deepEqual(aiohttp.properties?.['openpypi/fixVersions'], ['3.7.4']);
  });

  it('turns skipped dependencies into notifications and reads empty reports', () => {
    const run = parsePipAuditJson(fixture('pip-audit', 'zero_vulns.json'), context);
    assert.deepEqual(run.results, []);
    const notes = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    assert.equal(notes.length, 1);
    assert.match(
      notes[0]?.message.text ?? '',
      /did not audit azure-devops: Dependency not found on PyPI/,
    );
    assert.deepEqual(parsePipAuditJson(fixture('pip-audit', 'empty.json'), context).results, []);
  });

  it('rejects other JSON with a typed error', () => {
    assert.throws(() => parsePipAuditJson('{"vulns": []}', context), ScannerOutputError);
    assert.throws(() => parsePipAuditJson('<html>502 Bad Gateway</html>', context), /not JSON/);
  });

  it('audits requirements files with -r, else the project, else nothing', () => {
    const target = (manifests: string[]) => ({ root: demoRoot, manifests });
    assert.deepEqual(
      pipAuditScanner.argsForWorkspace(
        target(['pyproject.toml', 'requirements.txt', 'requirements-dev.txt']),
      ),
      [
        '-f',
        'json',
        '--progress-spinner',
        'off',
        '-r',
        'requirements.txt',
        '-r',
        'requirements-dev.txt',
      ],
    );
    assert.deepEqual(pipAuditScanner.argsForWorkspace(target(['pyproject.toml'])), [
      '-f',
      'json',
      '--progress-spinner',
      'off',
      '.',
    ]);
    assert.equal(pipAuditScanner.argsForWorkspace(target(['sub/pyproject.toml'])), undefined);
    assert.equal(pipAuditScanner.parseVersion('pip-audit 2.7.3\n'), '2.7.3');
    assert.deepEqual(
      [0, 1, 2].map((c) => pipAuditScanner.exitCodeMeaning(c)),
      ['ok', 'findings', 'error'],
    );
  });
});
