import type { ImportProblem } from '../sarif/importProblem';
import { openSarif } from '../sarif/importSarif';
import type { Finding } from './finding';
import { findingFromResult } from './findingsFromLog';

export interface FindingsInChunks {
  /**
   * The findings, a chunk at a time, each chunk normalised when it is taken: run by run, and
   * within a run file by file (results on one file come together, each in its log order).
   */
  readonly chunks: Generator<Finding[]>;
  /** What had to be repaired, complete once every chunk was taken. */
  problems(): ImportProblem[];
}

/** A file with more results than this many chunks' worth is cut across chunks. */
const longestChunk = 4;

/** The result indices of a run, those on one file together, files in order of first mention. */
function byFile(keys: readonly string[]): number[] {
  const groups = new Map<string, number[]>();
  for (const [index, key] of keys.entries()) {
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  }
  return [...groups.values()].flat();
}

/**
 * `importFindings` as a stream, for the import worker: the log is parsed at once (a document
 * that is not SARIF throws here), then its results are normalised and mapped to findings a chunk
 * of about `size` at a time, so the first findings are on their way while the rest are still
 * being read. A chunk ends where a file's results end (unless that file has more than
 * `longestChunk × size`), so the receiver can show most files complete from the chunk they come in.
 */
export function findingsInChunks(
  text: string,
  root: string,
  source: string,
  size: number,
): FindingsInChunks {
  const opened = openSarif(text, { root, source });
  const chunks = function* (): Generator<Finding[]> {
    let chunk: Finding[] = [];
    let runIndex = 0;
    for (const run of opened.runs()) {
      const keys = run.locationKeys();
      const order = byFile(keys);
      let position = 0;
      for (const result of run.resultsAt(order)) {
        const index = order[position] ?? 0;
        chunk.push(findingFromResult(run.run, result, `${runIndex}/${index}`));
        position += 1;
        const fileEnds = keys[index] !== keys[order[position] ?? -1];
        if (chunk.length >= size * (fileEnds ? 1 : longestChunk)) {
          yield chunk;
          chunk = [];
        }
      }
      runIndex += 1;
    }
    if (chunk.length > 0) yield chunk;
  };
  return { chunks: chunks(), problems: () => opened.problems() };
}
