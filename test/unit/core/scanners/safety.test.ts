import * as assert from 'node:assert/strict';
import { silentLogger } from '../../../../src/core/logging/logger';
import {
  createPackageLocator,
  loadPackageLocator,
} from '../../../../src/core/manifests/manifestIndex';
import { readManifest } from '../../../../src/core/manifests/readManifest';
import { parseSafetyJson, safetyScanner } from '../../../../src/core/scanners/safety';
import type { ParseContext } from '../../../../src/core/scanners/scanner';
import { ScannerOutputError } from '../../../../src/core/scanners/scannerOutputError';
import { assertRunShape, demoRoot, fixture } from './runShape';

describe('Safety adapter', () => {
  let context: ParseContext;
  before(async () => {
    context = {
      root: demoRoot,
      auditedManifests: ['requirements.txt'],
      locator: await loadPackageLocator(demoRoot, ['requirements.txt'], silentLogger),
    };
  });

  it('reads `safety check --json` 1.x (arrays), with the CVE as an alias', () => {
    const run = parseSafetyJson(fixture('safety', 'check-v1__example_report.json'), context);
    assertRunShape(run);
    assert.equal(run.results?.length, 3);
    assert.deepEqual(run.results[0]?.properties?.['openpypi/vulnerabilityIds'], [
      '33063',
      'CVE-2011-4136',
    ]);
    assert.deepEqual(run.results[0].properties['openpypi/package'], {
      name: 'django',
      version: '1.2.2',
    });
  });

  it('reads 2.x: CVSS score as security-severity and level, fix versions, site-packages not taken for a file', () => {
    const run = parseSafetyJson(
      fixture('safety', 'check-v2__report_with_recommended_fix.json'),
      context,
    );
    assertRunShape(run);
    assert.equal(run.results?.length, 4);
    const first = run.results[0];
    assert.equal(first?.ruleId, '44742');
    assert.deepEqual(first.properties?.['openpypi/fixVersions'], ['2.2.27', '3.2.12', '4.0.2']);
    assert.deepEqual(first.properties['openpypi/vulnerabilityIds'], ['44742', 'CVE-2022-22818']);
    assert.equal(first.level, 'warning');
    assert.equal(run.tool.driver.rules?.[0]?.properties?.['security-severity'], '6.1');
    // `found` is /usr/local/lib/python3.9/site-packages: the audited manifest is used instead.
    assert.equal(first.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'requirements.txt');
    // `fixed_versions: [""]` means none.
    const plain = parseSafetyJson(fixture('safety', 'check-v2__report.json'), context);
    assert.deepEqual(plain.results?.[0]?.properties?.['openpypi/fixVersions'], []);
    assert.match(plain.results[0].message.text ?? '', /No fixed version is known/);
  });

  it('places 2.x results in the requirements file Safety names', () => {
    const run = parseSafetyJson(
      fixture('safety', 'check-v2__no_recommended_remediation_report.json'),
      {
        root: '/project',
        locator: createPackageLocator(
          readManifest('no_remediation.txt', '\n\ninsecure-package==0.1.0\n').declarations,
          [],
        ),
      },
    );
    assert.deepEqual(run.results?.[0]?.locations?.[0]?.physicalLocation, {
      artifactLocation: { uri: 'no_remediation.txt', uriBaseId: '%SRCROOT%' },
      region: {
        startLine: 3,
        startColumn: 1,
        endColumn: 24,
        snippet: { text: 'insecure-package==0.1.0' },
      },
    });
  });

  it('reads `safety scan --output json` 3.x with remediation versions and the file it names', () => {
    const run = parseSafetyJson(fixture('safety', 'scan-v3__test.json'), {
      root: '/project',
      locator: createPackageLocator(
        readManifest('test_requirements.txt', 'Django==1.8.0\n').declarations,
        [],
      ),
    });
    assertRunShape(run);
    assert.equal(run.results?.length, 58);
    const first = run.results[0];
    assert.equal(first?.ruleId, '51340');
    assert.deepEqual(first.properties?.['openpypi/package'], { name: 'django', version: '1.8.0' });
    assert.deepEqual(first.properties['openpypi/fixVersions'], ['4.2.17', '5.1.4', '5.0.10']);
    assert.equal(first.level, 'error');
    assert.equal(first.locations?.[0]?.physicalLocation?.region?.startLine, 1);
    assert.equal(
      first.locations[0].physicalLocation.artifactLocation?.uri,
      'test_requirements.txt',
    );
    // Entries whose cvssv3 is null still get a result (14 in this file).
    assert.equal(run.results.filter((r) => r.level === undefined).length, 0);
  });

  it('names the broken JSON in its error', () => {
    assert.throws(
      () =>
        parseSafetyJson(
          fixture('safety', 'check-v2__invalid__report_invalid_decode_error.json'),
          context,
        ),
      (e: unknown) =>
        e instanceof ScannerOutputError &&
        e.message.startsWith('Safety output could not be read: it is not JSON'),
    );
    assert.throws(() => parseSafetyJson('{"meta": {}}', context), /scan_results/);
  });

  it('chooses `check` for 2.x and `scan` for 3.x; 64 means findings', () => {
    const manifests = ['requirements.txt', 'pyproject.toml'];
    assert.deepEqual(
      safetyScanner.argsForWorkspace({ root: demoRoot, manifests, toolVersion: '2.3.5' }),
      ['check', '--json', '-r', 'requirements.txt'],
    );
    assert.deepEqual(
      safetyScanner.argsForWorkspace({ root: demoRoot, manifests, toolVersion: '3.2.14' }),
      ['scan', '--output', 'json', '--target', '.'],
    );
    assert.equal(safetyScanner.parseVersion('safety, version 3.2.14\n'), '3.2.14');
    assert.deepEqual(
      [0, 64, 1].map((c) => safetyScanner.exitCodeMeaning(c)),
      ['ok', 'findings', 'error'],
    );
  });
});
