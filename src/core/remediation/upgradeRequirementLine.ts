import { normalizePackageName } from '../manifests/normalizePackageName';

export type UpgradeRefusal = 'package-not-on-line' | 'no-version-on-line' | 'lock-file';

export type UpgradeOutcome =
  | {
      readonly kind: 'upgraded';
      readonly line: string;
      readonly start: number;
      readonly end: number;
      readonly replacement: string;
    }
  | { readonly kind: 'refused'; readonly reason: UpgradeRefusal };

const lockFile = /(^|\/)(poetry\.lock|Pipfile\.lock|uv\.lock|pylock\.[^/]*\.?toml)$/i;

/** `[A-Za-z0-9._-]+` runs on the line whose PEP 503 name equals the package's. */
function findName(line: string, name: string): { start: number; end: number } | undefined {
  const wanted = normalizePackageName(name);
  const pattern = /[A-Za-z0-9][A-Za-z0-9._-]*/g;
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    if (normalizePackageName(match[0]) === wanted) {
      const before = match.index === 0 ? '' : line[match.index - 1];
      if (before === undefined || !/[A-Za-z0-9._-]/.test(before)) {
        return { start: match.index, end: match.index + match[0].length };
      }
    }
  }
  return undefined;
}

/**
 * Rewrites the version in the specifier that follows the package's name on a manifest line,
 * keeping the operator the project uses: `==`, `===`, `>=`, `~=`, Poetry's `^` and `~`, or a
 * bare Poetry version. Works for requirements files, PEP 621 strings, Poetry and Pipfile tables
 * (`name = "^1.2"`, `name = { version = ">=1.2" }`). Lock files are refused: they are re-locked,
 * not edited.
 */
export function upgradeRequirementLine(
  file: string,
  line: string,
  packageName: string,
  version: string,
): UpgradeOutcome {
  if (lockFile.test(file)) return { kind: 'refused', reason: 'lock-file' };
  const name = findName(line, packageName);
  if (name === undefined) return { kind: 'refused', reason: 'package-not-on-line' };
  const rest = line.slice(name.end);
  // Skip extras, the Poetry/Pipfile `= "` or `= { version = "` and spaces up to the specifier.
  const specifier =
    /^(?:\[[^\]]*\])?(?:\s*=\s*\{[^}]*?\bversion\s*=\s*)?(?:\s*=\s*)?\s*["']?\s*(===|==|>=|~=|\^|~(?!=)|>(?!=))?\s*(\d+(?:\.\d+)*(?:[A-Za-z0-9.+!-]*))/.exec(
      rest,
    );
  if (specifier?.[2] === undefined) return { kind: 'refused', reason: 'no-version-on-line' };
  const operator = specifier[1] ?? '';
  const oldVersion = specifier[2];
  const versionStart = name.end + specifier[0].length - oldVersion.length;
  const replacement = operator === '~=' ? tildeEqual(oldVersion, version) : version;
  return {
    kind: 'upgraded',
    line: line.slice(0, versionStart) + replacement + line.slice(versionStart + oldVersion.length),
    start: versionStart,
    end: versionStart + oldVersion.length,
    replacement,
  };
}

/** `~=` needs at least two release components; keep as many as the project wrote. */
function tildeEqual(oldVersion: string, fix: string): string {
  const wanted = Math.max(2, oldVersion.split('.').length);
  const parts = fix.split('.');
  while (parts.length < wanted) parts.push('0');
  return parts.join('.');
}
