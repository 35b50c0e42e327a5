import * as path from 'node:path';
import { declarationAt, pinnedVersion } from './declarationAt';
import type { ManifestDeclarations, PackageDeclaration } from './packageDeclaration';

const INCLUDE = /^(?:-r|--requirement)(?:\s*=\s*|\s+|(?=\S))(\S+)/;
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;

/**
 * Reads a pip requirements file: one requirement per logical line, with `\` continuations,
 * comments, extras, environment markers, `--hash` options and `-r`/`--requirement` includes.
 * Editable installs, URLs and other options declare no named package and are skipped.
 *
 * @param file the file relative to the workspace root, with forward slashes
 */
export function readRequirementsFile(file: string, text: string): ManifestDeclarations {
  const declarations: PackageDeclaration[] = [];
  const includes: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);

  for (let index = 0; index < lines.length; index++) {
    const firstIndex = index;
    const firstLine = lines[index] ?? '';
    let logical = stripComment(firstLine);
    // Line continuation: a trailing backslash joins the next physical line.
    while (/\\\s*$/.test(logical) && index + 1 < lines.length) {
      index++;
      logical = logical.replace(/\\\s*$/, ' ') + stripComment(lines[index] ?? '');
    }
    const trimmed = logical.trim();
    if (trimmed === '') {
      continue;
    }
    const include = INCLUDE.exec(trimmed);
    if (include?.[1] !== undefined) {
      includes.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), include[1])));
      continue;
    }
    if (
      trimmed.startsWith('-') ||
      /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ||
      trimmed.startsWith('.')
    ) {
      continue;
    }
    const name = NAME.exec(trimmed)?.[0];
    if (name === undefined) {
      continue;
    }
    // The requirement text without per-requirement options such as --hash.
    const requirement = (trimmed.split(/\s+--?[a-z]/i)[0] ?? trimmed).trim().replace(/\s+/g, ' ');
    const start = firstLine.indexOf(name);
    if (start < 0) {
      continue;
    }
    const firstLineContent = stripComment(firstLine)
      .replace(/\\\s*$/, '')
      .trimEnd();
    const end = Math.min(firstLineContent.length, start + requirement.length);
    const versionSpec = requirement
      .slice(name.length)
      .replace(/^\s*\[[^\]]*\]/, '')
      .trim();
    declarations.push(
      declarationAt({
        file,
        kind: 'requirements',
        lineIndex: firstIndex,
        lineText: firstLine,
        start,
        end: Math.max(end, start + name.length),
        name,
        specifier: requirement,
        version: versionSpec.startsWith('@') ? undefined : pinnedVersion(versionSpec),
      }),
    );
  }
  return { declarations, includes };
}

function stripComment(line: string): string {
  // pip treats `#` as a comment at the start of a line or after whitespace.
  const match = /(^|\s)#/.exec(line);
  return match === null ? line : line.slice(0, match.index);
}
