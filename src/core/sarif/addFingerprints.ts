import type { Result, Run } from 'sarif';
import { lineHashes } from './lineHash';
import { stableHash } from './stableHash';
import { dependencyFacts, primaryWorkspaceLocation, ruleIdOf, toolName } from './resultFacts';
import { FINGERPRINT_KEY, LINE_HASH_KEY } from './sarifVocabulary';
import type { TextReader } from './workspaceTextReader';

/**
 * Gives every result `partialFingerprints['openpypi/v1']`, which stays the same when lines move:
 * for code findings a 64-bit hash of tool, rule, file and the normalised text of the flagged line (the
 * snippet or the message when the file cannot be read); for dependency findings a hash of the
 * package and the advisory (its correlation group when known), the same whichever tool saw it.
 * Each is suffixed with its occurrence among equal keys in the run. Where the file can be read,
 * GitHub's `primaryLocationLineHash` is added too (an existing one is kept).
 */
export function addFingerprints(
  runs: readonly Run[],
  readText: TextReader,
  dependencyKeys: ReadonlyMap<Result, string> = new Map(),
): void {
  const hashesByFile = new Map<string, string[] | undefined>();
  const linesByFile = new Map<string, string[] | undefined>();
  for (const run of runs) {
    const occurrences = new Map<string, number>();
    for (const result of run.results ?? []) {
      const key = fingerprintKey(run, result, dependencyKeys, readText, linesByFile);
      const digest = stableHash(key);
      const occurrence = (occurrences.get(digest) ?? 0) + 1;
      occurrences.set(digest, occurrence);
      const fingerprints: Record<string, string> = { ...result.partialFingerprints };
      fingerprints[FINGERPRINT_KEY] = `${digest}:${occurrence}`;
      const primary = primaryWorkspaceLocation(result);
      if (primary?.startLine !== undefined && fingerprints[LINE_HASH_KEY] === undefined) {
        if (!hashesByFile.has(primary.path)) {
          const text = readText(primary.path);
          hashesByFile.set(primary.path, text === undefined ? undefined : lineHashes(text));
        }
        const lineHash = hashesByFile.get(primary.path)?.[primary.startLine - 1];
        if (lineHash !== undefined) {
          fingerprints[LINE_HASH_KEY] = lineHash;
        }
      }
      result.partialFingerprints = fingerprints;
    }
  }
}

function fingerprintKey(
  run: Run,
  result: Result,
  dependencyKeys: ReadonlyMap<Result, string>,
  readText: TextReader,
  linesByFile: Map<string, string[] | undefined>,
): string {
  const facts = dependencyFacts(result);
  if (facts !== undefined) {
    const group =
      dependencyKeys.get(result) ?? `${facts.name}\u0000${[...facts.ids].sort()[0] ?? ''}`;
    return `dependency\u0000${group}`;
  }
  const primary = primaryWorkspaceLocation(result);
  const location = result.locations?.[0]?.physicalLocation;
  const where = primary?.path ?? location?.artifactLocation?.uri ?? '';
  let evidence: string | undefined;
  if (primary?.startLine !== undefined) {
    if (!linesByFile.has(primary.path)) {
      linesByFile.set(primary.path, readText(primary.path)?.split(/\r\n|\r|\n/));
    }
    evidence = linesByFile.get(primary.path)?.[primary.startLine - 1];
  }
  evidence ??= location?.region?.snippet?.text ?? result.message.text ?? '';
  return ['code', toolName(run), ruleIdOf(run, result), where, normalise(evidence)].join('\u0000');
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
