// The CHANGELOG.md section of one version, as the notes of its GitHub release.
//
//   node scripts/changelogSection.mjs --tag v0.2.0 [--out release-notes.md] [--changelog FILE]
//
// The tag must be "v" + the version in package.json, and CHANGELOG.md must have a non-empty
// section for it ("## [0.2.0] - 2026-12-01" or "## 0.2.0"); otherwise it stops with an error
// saying what to fix, before anything is built or published.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** "## [0.2.0] - 2026-12-01", "## 0.2.0", "## [Unreleased]": the version or name in it. */
const headingPattern = /^##\s+\[?([^\]\s]+)\]?(?:\s.*)?$/;

/**
 * The body of the version's section, without its heading, trimmed.
 * @param {string} changelog
 * @param {string} version e.g. 0.2.0
 */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const headings = lines.flatMap((line, index) => {
    const match = headingPattern.exec(line);
    return match?.[1] === undefined ? [] : [{ index, name: match[1] }];
  });
  const at = headings.findIndex((heading) => heading.name === version);
  const found = headings[at];
  if (found === undefined) {
    throw new Error(
      `CHANGELOG.md has no section for ${version} (it has: ${headings.map((h) => h.name).join(', ') || 'none'}). Rename "## [Unreleased]" to "## [${version}] - YYYY-MM-DD" before tagging.`,
    );
  }
  const end = headings[at + 1]?.index ?? lines.length;
  const body = lines
    .slice(found.index + 1, end)
    // Link definitions at the end of the file ("[0.2.0]: https://...") belong to no section.
    .filter((line) => !/^\[[^\]]+\]:\s+\S+/.test(line))
    .join('\n')
    .trim();
  if (body === '') throw new Error(`CHANGELOG.md: the section for ${version} is empty`);
  return `${body}\n`;
}

/**
 * The version a tag releases, checked against package.json's.
 * @param {string} tag e.g. v0.2.0
 * @param {string} packageVersion
 */
export function versionOfTag(tag, packageVersion) {
  if (!/^v\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(tag)) {
    throw new Error(`tag ${JSON.stringify(tag)} is not a version tag like v1.2.3 or v1.2.3-rc.1`);
  }
  const version = tag.slice(1);
  if (version !== packageVersion) {
    throw new Error(
      `tag ${tag} does not match package.json's version ${packageVersion}: set "version": "${version}" (npm version ${version}) and tag that commit`,
    );
  }
  return version;
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
) {
  try {
    const args = process.argv.slice(2);
    const value = (/** @type {string} */ flag) => {
      const at = args.indexOf(flag);
      return at >= 0 ? args[at + 1] : undefined;
    };
    const tag = value('--tag') ?? process.env.GITHUB_REF_NAME;
    if (tag === undefined) {
      throw new Error('usage: node scripts/changelogSection.mjs --tag vX.Y.Z [--out FILE]');
    }
    const root = path.resolve(import.meta.dirname, '..');
    const packageJson = /** @type {{ version: string }} */ (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
    );
    const version = versionOfTag(tag, packageJson.version);
    const changelog = readFileSync(value('--changelog') ?? path.join(root, 'CHANGELOG.md'), 'utf8');
    const notes = changelogSection(changelog, version);
    const out = value('--out');
    if (out === undefined) process.stdout.write(notes);
    else writeFileSync(out, notes);
  } catch (error) {
    console.error(`changelogSection: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
