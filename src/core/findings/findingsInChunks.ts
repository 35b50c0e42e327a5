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
      const groups = run.fileGroups();
      const order: number[] = [];
      const lastOfFile = new Set<number>();
      for (const group of groups) {
        for (const index of group) order.push(index);
        lastOfFile.add(order.length - 1);
      }
      let position = 0;
      for (const result of run.resultsAt(order)) {
        chunk.push(findingFromResult(run.run, result, `${runIndex}/${order[position] ?? 0}`));
        const fileEnds = lastOfFile.has(position);
        position += 1;
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
