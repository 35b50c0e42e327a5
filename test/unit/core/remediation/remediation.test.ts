import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { addBanditNosec } from '../../../../src/core/remediation/banditNosec';
import { lowestFixVersion } from '../../../../src/core/remediation/lowestFixVersion';
import { addSafetyIgnore } from '../../../../src/core/remediation/safetyPolicy';
import { addTrivyIgnore } from '../../../../src/core/remediation/trivyIgnore';
import { upgradeRequirementLine } from '../../../../src/core/remediation/upgradeRequirementLine';

describe('lowestFixVersion', () => {
  it('picks the lowest fix above the installed version in PEP 440 order', () => {
    assert.equal(lowestFixVersion(['2.31.0', '2.20.0', '2.3.0'], '2.19.0'), '2.20.0');
    assert.equal(lowestFixVersion(['1.0.0rc1', '0.9.10'], '0.9.2'), '0.9.10');
  });

  it("splits Trivy's comma-separated lists and ignores junk", () => {
    assert.equal(lowestFixVersion(['2.6.9, 3.1.0, 3.2.7', 'n/a'], '3.0.0'), '3.1.0');
    assert.equal(lowestFixVersion([''], '1.0'), undefined);
  });
});

describe('upgradeRequirementLine', () => {
  const upgrade = (file: string, line: string, pkg: string, version: string) => {
    const outcome = upgradeRequirementLine(file, line, pkg, version);
    return outcome.kind === 'upgraded' ? outcome.line : outcome.reason;
  };

  it('keeps each specifier style', () => {
    assert.equal(
      upgrade('requirements.txt', 'requests==2.19.0', 'requests', '2.20.0'),
      'requests==2.20.0',
    );
    assert.equal(
      upgrade('requirements.txt', 'Flask >= 0.12.2  # web', 'flask', '1.0'),
      'Flask >= 1.0  # web',
    );
    assert.equal(
      upgrade('requirements.txt', 'werkzeug~=0.14', 'werkzeug', '0.15.3'),
      'werkzeug~=0.15.3',
    );
    assert.equal(
      upgrade('requirements.txt', 'werkzeug~=0.14.1', 'werkzeug', '0.15'),
      'werkzeug~=0.15.0',
    );
    assert.equal(
      upgrade('pyproject.toml', '    "PyYAML[libyaml]==5.3",', 'pyyaml', '5.4'),
      '    "PyYAML[libyaml]==5.4",',
    );
    assert.equal(
      upgrade('pyproject.toml', 'requests = "^2.19.0"', 'requests', '2.31.0'),
      'requests = "^2.31.0"',
    );
    assert.equal(
      upgrade(
        'pyproject.toml',
        'requests = { version = "^2.19", extras = ["socks"] }',
        'requests',
        '2.31.0',
      ),
      'requests = { version = "^2.31.0", extras = ["socks"] }',
    );
    assert.equal(
      upgrade('Pipfile', 'requests = "==2.19.0"', 'requests', '2.20.0'),
      'requests = "==2.20.0"',
    );
  });

  it('matches names by PEP 503 normalisation, not inside other names', () => {
    assert.equal(
      upgrade('requirements.txt', 'Zope.Interface==4.0', 'zope-interface', '5.0'),
      'Zope.Interface==5.0',
    );
    assert.equal(
      upgrade('requirements.txt', 'requests-oauthlib==1.0', 'requests', '2.0'),
      'package-not-on-line',
    );
  });

  it('refuses lock files and lines without a version', () => {
    assert.equal(upgrade('poetry.lock', 'version = "2.19.0"', 'requests', '2.20.0'), 'lock-file');
    assert.equal(
      upgrade('requirements.txt', 'requests', 'requests', '2.20.0'),
      'no-version-on-line',
    );
  });
});

describe('addBanditNosec', () => {
  it('appends the rule and the reason', () => {
    assert.equal(
      addBanditNosec('    return subprocess.call(cmd, shell=True)', 'B602', 'input is a constant'),
      '    return subprocess.call(cmd, shell=True)  # nosec B602 # input is a constant',
    );
  });

  it('adds the rule to an existing nosec comment once', () => {
    assert.equal(
      addBanditNosec('x = eval(s)  # nosec B307', 'B602', ''),
      'x = eval(s)  # nosec B307, B602',
    );
    assert.equal(
      addBanditNosec('x = eval(s)  # nosec B307', 'B307', 'again'),
      'x = eval(s)  # nosec B307',
    );
  });
});

describe('ignore files', () => {
  it('adds a Trivy ignore entry and keeps the others', () => {
    const before = 'vulnerabilities:\n  - id: CVE-2020-1\n    statement: old\n';
    const after = parse(
      addTrivyIgnore(before, 'vulnerabilities', 'CVE-2023-32681', 'not reachable', [
        'requirements.txt',
      ]),
    ) as unknown;
    assert.deepEqual(after, {
      vulnerabilities: [
        { id: 'CVE-2020-1', statement: 'old' },
        { id: 'CVE-2023-32681', paths: ['requirements.txt'], statement: 'not reachable' },
      ],
    });
  });

  it('adds a Safety ignore with its reason', () => {
    const after = parse(addSafetyIgnore('', '51668', 'dev only')) as unknown;
    assert.deepEqual(after, {
      security: { 'ignore-vulnerabilities': { '51668': { reason: 'dev only' } } },
    });
  });

  it('refuses to rewrite a broken YAML file', () => {
    assert.throws(
      () => addTrivyIgnore('vulnerabilities: [', 'vulnerabilities', 'X', '', []),
      /not valid YAML/,
    );
  });
});
