import * as assert from 'node:assert/strict';
import { createPackageLocator } from '../../../../src/core/manifests/manifestIndex';
import { readManifest } from '../../../../src/core/manifests/readManifest';
import { ScannerOutputError } from '../../../../src/core/scanners/scannerOutputError';
import { parseTrivy, trivyScanner } from '../../../../src/core/scanners/trivy';
import { assertRunShape, fixture, resultKeys } from './runShape';

const root = '/project';

describe('Trivy adapter', () => {
  it('reads an fs scan of requirements.txt: lines from Packages[].Locations, CVSS score, fix version', () => {
    const run = parseTrivy(fixture('trivy', 'v0.74.0__fs__pip.json'), { root });
    assertRunShape(run);
    assert.deepEqual(resultKeys(run), [
      ['CVE-2019-14806', 'requirements.txt', 6],
      ['CVE-2020-28724', 'requirements.txt', 6],
    ]);
    const first = run.results?.[0];
    assert.equal(first?.level, 'error');
    assert.deepEqual(first.properties?.['openpypi/package'], {
      name: 'werkzeug',
      version: '0.11',
    });
    assert.deepEqual(first.properties['openpypi/fixVersions'], ['0.15.3']);
    assert.equal(run.tool.driver.rules?.[0]?.properties?.['security-severity'], '7.5');
    assert.deepEqual(run.tool.driver.rules[0].properties.tags, [
      'security',
      'dependency',
      'external/cwe/cwe-331',
    ]);
    // The golden says "Version": "dev": that is not a version to report.
    assert.equal(run.tool.driver.version, undefined);
  });

  it('uses the manifest finder for lockfiles Trivy gives no lines for (poetry.lock)', () => {
    const lock = '[[package]]\nname = "werkzeug"\nversion = "0.14"\n';
    const run = parseTrivy(fixture('trivy', 'v0.74.0__fs__poetry.json'), {
      root,
      locator: createPackageLocator(readManifest('poetry.lock', lock).declarations, [
        'poetry.lock',
      ]),
    });
    assertRunShape(run);
    assert.deepEqual(run.results?.[0]?.locations?.[0]?.physicalLocation?.region, {
      startLine: 2,
      startColumn: 1,
      endColumn: 18,
      snippet: { text: 'werkzeug==0.14' },
    });
    // Without a locator the finding stays on the file, not dropped.
    const bare = parseTrivy(fixture('trivy', 'v0.74.0__fs__uv.json'), { root });
    assert.deepEqual(
      resultKeys(bare).map(([, uri, line]) => [uri, line]),
      [
        ['uv.lock', undefined],
        ['uv.lock', undefined],
      ],
    );
  });

  it('reads misconfigurations: CauseMetadata line ranges, no region when the check applies to the whole file', () => {
    const helm = parseTrivy(fixture('trivy', 'v0.74.0__config__helm_testchart.json'), { root });
    assertRunShape(helm);
    const region = helm.results?.[0]?.locations?.[0]?.physicalLocation?.region;
    assert.deepEqual(region, {
      startLine: 28,
      endLine: 57,
      snippet: { text: '        - name: testchart' },
    });
    assert.equal(
      helm.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
      'templates/deployment.yaml',
    );
    assert.ok(!JSON.stringify(helm).includes('\u001b'), 'no ANSI escape survives');
    const docker = parseTrivy(fixture('trivy', 'v0.74.0__config__dockerfile.json'), { root });
    assert.deepEqual(resultKeys(docker), [['DS-0002', 'Dockerfile', undefined]]);
    const older = parseTrivy(fixture('trivy', 'v0.45.0__config__dockerfile.json'), { root });
    assert.deepEqual(resultKeys(older), [['DS002', 'Dockerfile', undefined]]);
    assert.equal(older.results?.[0]?.properties?.['trivy/avdId'], 'AVD-DS-0002');
  });

  it('reads secrets without copying the matched text', () => {
    const run = parseTrivy(fixture('trivy', 'action-v0.72.0__secret__report.json'), { root });
    assertRunShape(run);
    assert.deepEqual(resultKeys(run), [['github-pat', 'env', 5]]);
    assert.ok(!JSON.stringify(run).includes('GITHUB_PAT='));
    const mixed = parseTrivy(fixture('trivy', 'misconfigurations_and_secrets.json'), { root });
    assert.deepEqual(
      resultKeys(mixed).map(([id]) => id),
      ['CVE-2021-33503', 'CVE-2021-28363', 'DS002', 'github-pat', 'github-pat'],
    );
  });

  it('keeps image findings with no workspace file as results on the image', () => {
    const run = parseTrivy(fixture('trivy', 'v0.74.0__image__alpine-310.json'), { root });
    assertRunShape(run);
    assert.equal(run.results?.length, 4);
    assert.deepEqual(run.results[0]?.locations?.[0], {
      physicalLocation: {
        artifactLocation: {
          uri: 'testdata%2Ffixtures%2Fimages%2Falpine-310.tar.gz',
          uriBaseId: 'OPENPYPI_IMAGE',
        },
      },
      properties: {
        'openpypi/artifactKind': 'container-image',
        'openpypi/image': 'testdata/fixtures/images/alpine-310.tar.gz',
      },
    });
    assert.ok(run.originalUriBaseIds?.OPENPYPI_IMAGE !== undefined);
    assert.equal(run.originalUriBaseIds.OPENPYPI_IMAGE.uri, undefined);
    // OS package names are not Python names: kept as Trivy wrote them.
    assert.deepEqual(run.results[0].properties?.['openpypi/package'], {
      name: 'libcrypto1.1',
      version: '1.1.1c-r0',
    });
    const ubi = parseTrivy(fixture('trivy', 'v0.74.0__image__ubi-7-comprehensive.json'), { root });
    const python = ubi.results?.find((r) => r.properties?.['trivy/type'] === 'python-pkg');
    assert.equal(
      python?.locations?.[0]?.properties?.['openpypi/pathInImage'],
      'usr/lib/python2.7/site-packages/setuptools-0.9.8-py2.7.egg-info/PKG-INFO',
    );
  });

  it('reads the legacy v0.19 top-level array', () => {
    const run = parseTrivy(fixture('trivy', 'v0.19.2__image__distroless-python27.json'), { root });
    assertRunShape(run);
    assert.equal(run.results?.length, 103);
    assert.equal(
      run.results[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uriBaseId,
      'OPENPYPI_IMAGE',
    );
  });

  it('reads Trivy SARIF: drops the fake line-1 region, keeps real ranges, reads package facts, no markdown', () => {
    const image = parseTrivy(fixture('trivy', 'v0.74.0__image__alpine-310.sarif'), { root });
    assertRunShape(image);
    assert.equal(image.results?.length, 4);
    const location = image.results[0]?.locations?.[0]?.physicalLocation;
    assert.equal(location?.region, undefined);
    assert.equal(location?.artifactLocation?.uriBaseId, 'OPENPYPI_IMAGE');
    assert.deepEqual(image.results[0]?.properties, {
      'openpypi/package': { name: 'libcrypto1.1', version: '1.1.1c-r0' },
      'openpypi/vulnerabilityIds': ['CVE-2019-1549'],
      'openpypi/fixVersions': ['1.1.1d-r0'],
    });
    const config = parseTrivy(fixture('trivy', 'action-v0.72.0__config__report.sarif'), { root });
    assertRunShape(config);
    assert.deepEqual(resultKeys(config)[0], ['AWS-0086', 'main.tf', 8]);
    assert.equal(config.results?.[0]?.locations?.[0]?.physicalLocation?.region?.endLine, 10);
    const legacy = parseTrivy(fixture('trivy', 'v0.19.2__image__alpine-310.sarif'), { root });
    assertRunShape(legacy);
    assert.equal(legacy.results?.length, 8);
  });

  it('keeps VEX-suppressed findings with a suppression, and splits comma-separated fix versions', () => {
    const run = parseTrivy(fixture('trivy', 'v0.74.0__fs__npm-with-suppressed.json'), { root });
    assertRunShape(run);
    const suppressed = run.results?.find((r) => r.suppressions !== undefined);
    assert.equal(suppressed?.ruleId, 'CVE-2017-16137');
    assert.deepEqual(suppressed.suppressions, [
      {
        kind: 'external',
        status: 'accepted',
        justification: 'not_affected: vulnerable_code_not_in_execute_path',
        properties: { source: './vex.json' },
      },
    ]);
    assert.deepEqual(suppressed.properties?.['openpypi/fixVersions'], [
      '2.6.9',
      '3.1.0',
      '3.2.7',
      '4.3.1',
    ]);
  });

  it('strips ANSI escapes from any text Trivy wrote', () => {
    const report = JSON.parse(fixture('trivy', 'v0.74.0__config__dockerfile.json')) as {
      Results: { Misconfigurations: { Message: string }[] }[];
    };
    const misconf = report.Results[0]?.Misconfigurations[0];
    assert.ok(misconf !== undefined);
    misconf.Message = '\u001b[1mSpecify\u001b[0m a USER';
    const run = parseTrivy(JSON.stringify(report), { root });
    assert.match(run.results?.[0]?.message.text ?? '', /^Specify a USER/);
  });

  it('rejects output that is not a Trivy report', () => {
    assert.throws(() => parseTrivy('{"foo": 1}', { root }), ScannerOutputError);
    assert.throws(
      () => parseTrivy('2024-01-01T00:00:00Z\tINFO\tNeed to update DB', { root }),
      /not JSON/,
    );
  });

  it('scans the workspace or one file, reads its version, and treats a non-zero exit as an error', () => {
    assert.deepEqual(
      trivyScanner.argsForFiles({ root, manifests: [] }, ['requirements.txt'])?.slice(-1),
      ['requirements.txt'],
    );
    assert.deepEqual(trivyScanner.argsForWorkspace({ root, manifests: [] })?.slice(0, 3), [
      'fs',
      '--format',
      'json',
    ]);
    assert.equal(
      trivyScanner.parseVersion('Version: 0.50.1\nVulnerability DB:\n  Version: 2\n'),
      '0.50.1',
    );
    assert.equal(trivyScanner.exitCodeMeaning(1), 'error');
  });
});
