import type { ImportProblem } from '../sarif/importProblem';
import { openSarif, type SarifText } from '../sarif/importSarif';
import type { Finding } from './finding';
import { findingFromResult } from './findingsFromLog';

export interface FindingsInChunks {
  /** The findings in log order, `size` at a time, each chunk normalised when it is taken. */
  readonly chunks: Generator<Finding[]>;
  /** What had to be repaired, complete once every chunk was taken. */
  problems(): ImportProblem[];
}

/**
 * `importFindings` as a stream, for the import worker: the log's skeleton is parsed at once (a
 * document that is not SARIF throws here), then its results are parsed a slice at a time
 * (sarifResultSlices.ts), normalised and mapped to findings `size` at a time. The first findings
 * are on their way while the rest are still being read, and what one chunk allocates is garbage
 * before the next begins (normalising all 100,000 results first kept them alive together and
 * cost the worker long garbage collections). A result that is not JSON throws when its slice is
 * reached, as the whole document would have.
 */
export function findingsInChunks(
  text: SarifText,
  root: string,
  source: string,
  size: number,
): FindingsInChunks {
  const opened = openSarif(text, { root, source });
  const chunks = function* (): Generator<Finding[]> {
    let chunk: Finding[] = [];
    let runIndex = 0;
    for (const run of opened.runs()) {
      let resultIndex = 0;
      for (const result of run.results()) {
        chunk.push(findingFromResult(run.run, result, `${runIndex}/${resultIndex}`));
        resultIndex += 1;
        if (chunk.length >= size) {
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
