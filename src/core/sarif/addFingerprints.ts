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
  for (const run of runs) {
    const results = run.results ?? [];
    const keys = new Array<string>(results.length);
    const lineHashAt = new Array<string | undefined>(results.length);
    // Results grouped by file, so that each file is read and hashed once and then let go.
    const byFile = new Map<string, number[]>();
    results.forEach((result, index) => {
      const primary = primaryWorkspaceLocation(result);
      if (dependencyFacts(result) === undefined && primary?.startLine !== undefined) {
        const list = byFile.get(primary.path) ?? [];
        list.push(index);
        byFile.set(primary.path, list);
      } else {
        keys[index] = fingerprintKey(run, result, dependencyKeys, undefined);
      }
    });
    for (const [file, indices] of byFile) {
      const text = readText(file);
      const lines = text?.split(/\r\n|\r|\n/);
      const hashes = text === undefined ? undefined : lineHashes(text);
      for (const index of indices) {
        const result = results[index];
        const line = result === undefined ? undefined : primaryWorkspaceLocation(result)?.startLine;
        if (result === undefined || line === undefined) continue;
        keys[index] = fingerprintKey(run, result, dependencyKeys, lines?.[line - 1]);
        lineHashAt[index] = hashes?.[line - 1];
      }
    }
    // Occurrences count in the run's order, so equal findings keep their numbers between runs.
    const occurrences = new Map<string, number>();
    results.forEach((result, index) => {
      const digest = stableHash(keys[index] ?? '');
      const occurrence = (occurrences.get(digest) ?? 0) + 1;
      occurrences.set(digest, occurrence);
      const fingerprints: Record<string, string> =
        result.partialFingerprints === undefined ? {} : { ...result.partialFingerprints };
      fingerprints[FINGERPRINT_KEY] = `${digest}:${occurrence}`;
      const lineHash = lineHashAt[index];
      if (lineHash !== undefined && fingerprints[LINE_HASH_KEY] === undefined) {
        fingerprints[LINE_HASH_KEY] = lineHash;
      }
      result.partialFingerprints = fingerprints;
    });
  }
}

function fingerprintKey(
  run: Run,
  result: Result,
  dependencyKeys: ReadonlyMap<Result, string>,
  lineText: string | undefined,
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
  const evidence = lineText ?? location?.region?.snippet?.text ?? result.message.text ?? '';
  return ['code', toolName(run), ruleIdOf(run, result), where, normalise(evidence)].join('\u0000');
}

function normalise(text: string): string {
  const trimmed = text.trim();
  return RUN_OF_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** Whitespace that normalising would change: a tab, a line break or two spaces in a row. */
const RUN_OF_SPACE = /\s\s|[^\S ]/;
