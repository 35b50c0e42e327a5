// scripts/changelogSection.mjs: the release notes of a tag, from CHANGELOG.md.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { changelogSection, versionOfTag } from '../../../scripts/changelogSection.mjs';

const changelog = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '- Work in progress.',
  '',
  '## [0.2.0] - 2026-12-01',
  '',
  '### Added',
  '',
  '- Trivy image scans.',
  '',
  '### Fixed',
  '',
  '- A crash on empty SARIF files.',
  '',
  '## 0.1.0',
  '',
  '- First release.',
  '',
  '[0.2.0]: https://github.com/openpypi/openpypi-vscode/compare/v0.1.0...v0.2.0',
  '[0.1.0]: https://github.com/openpypi/openpypi-vscode/releases/tag/v0.1.0',
  '',
].join('\n');

describe('release notes from CHANGELOG.md (scripts/changelogSection.mjs)', () => {
  it("takes the version's section, without its heading, up to the next one", () => {
    assert.equal(
      changelogSection(changelog, '0.2.0'),
      '### Added\n\n- Trivy image scans.\n\n### Fixed\n\n- A crash on empty SARIF files.\n',
    );
  });

  it('the last section ends before the link definitions', () => {
    assert.equal(changelogSection(changelog, '0.1.0'), '- First release.\n');
  });

  it('a version without a section is an error listing the sections and what to do', () => {
    assert.throws(
      () => changelogSection(changelog, '0.3.0'),
      /no section for 0\.3\.0 \(it has: Unreleased, 0\.2\.0, 0\.1\.0\)\. Rename "## \[Unreleased\]"/,
    );
  });

  it('does not match a version by prefix (0.1.0 is not 0.1.0-rc.1)', () => {
    assert.throws(() => changelogSection(changelog, '0.1.0-rc.1'), /no section/);
  });

  it('an empty section is an error', () => {
    assert.throws(() => changelogSection('## [1.0.0]\n\n## [0.9.0]\n- x\n', '1.0.0'), /empty/);
  });

  it('reads the Keep a Changelog file of this repository', () => {
    const text = readFileSync(path.resolve(__dirname, '../../../CHANGELOG.md'), 'utf8');
    assert.match(changelogSection(text, 'Unreleased'), /^### Added/);
  });

  it('the tag must be v + the version in package.json', () => {
    assert.equal(versionOfTag('v0.2.0', '0.2.0'), '0.2.0');
    assert.equal(versionOfTag('v1.0.0-rc.1', '1.0.0-rc.1'), '1.0.0-rc.1');
    assert.throws(
      () => versionOfTag('v0.2.0', '0.1.0'),
      /does not match package.json's version 0\.1\.0/,
    );
    assert.throws(() => versionOfTag('release-1', '0.1.0'), /not a version tag/);
  });
});
