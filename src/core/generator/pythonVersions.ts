import { UserError } from '../errors/userError';

/** The CPython minor versions a project can target, oldest first. */
export const supportedPythonVersions = ['3.9', '3.10', '3.11', '3.12', '3.13', '3.14'] as const;

/**
 * Parses `3.10-3.13`, `3.11` or `3.10,3.12` into the listed minor versions, oldest first.
 * A version outside supportedPythonVersions, or a range that runs backwards, is a UserError.
 */
export function parsePythonVersions(text: string): string[] {
  const known: readonly string[] = supportedPythonVersions;
  const index = (version: string): number => {
    const at = known.indexOf(version.trim());
    if (at === -1) {
      throw new UserError(
        `Python "${version.trim()}" is not one of ${known.join(', ')} (write for example 3.10-3.13).`,
      );
    }
    return at;
  };
  const chosen = new Set<number>();
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const [from, to, ...rest] = part.split('-');
    if (rest.length > 0 || from === undefined) {
      throw new UserError(`"${part}" is not a Python version range (write for example 3.10-3.13).`);
    }
    const first = index(from);
    const last = to === undefined ? first : index(to);
    if (last < first) {
      throw new UserError(
        `The range "${part.trim()}" runs backwards (write for example 3.10-3.13).`,
      );
    }
    for (let at = first; at <= last; at += 1) chosen.add(at);
  }
  if (chosen.size === 0) throw new UserError('At least one Python version is needed.');
  return [...chosen].sort((a, b) => a - b).map((at) => known[at] ?? '');
}
