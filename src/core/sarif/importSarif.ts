import { Buffer } from 'node:buffer';
import path from 'node:path';
import type { Location, Run } from 'sarif';
import type { Redactor } from '../redaction/redactor';
import { ImportProblems, type ImportProblem } from './importProblem';
import { artifactLocationFor } from './normaliseLocation';
import { openRun, type OpenedRun } from './normaliseRun';
import { parseSarifDocument, type SarifDocument } from './parseSarifDocument';
import { sliceSarifResults, type SarifResultSlices } from './sarifResultSlices';
import { workspaceRelativePath } from './resolveArtifactUri';
import { pathToFileURL } from 'node:url';

export interface ImportOptions {
  /** The workspace root: relative URIs resolve against it, anything outside is external. */
  readonly root: string;
  /** The file the text came from, named in errors and problems. */
  readonly source?: string;
  /** Applied to command lines the log records. */
  readonly redactor?: Redactor;
}

export interface ImportedSarif {
  readonly runs: Run[];
  /** What had to be repaired or interpreted; the runs are usable regardless. */
  readonly problems: ImportProblem[];
}

/**
 * Reads another tool's SARIF 2.1.0 log and normalises every run so that OpenPypi can merge it
 * and write it back as a log GitHub code scanning accepts. Throws `SarifImportError` only when
 * the document as a whole is unusable (not JSON, not SARIF 2.1.0, no runs array).
 */
export function importSarif(text: SarifText, options: ImportOptions): ImportedSarif {
  const opened = openSarif(text, options);
  const runs: Run[] = [];
  for (const run of opened.runs()) {
    run.run.results = [...run.results()];
    runs.push(run.run);
  }
  return { runs, problems: opened.problems() };
}

/**
 * A log's text, or its UTF-8 bytes as read from the file: bytes are parsed a slice at a time
 * and never decoded as one string (sarifResultSlices.ts); text is parsed whole.
 */
export type SarifText = string | Uint8Array;

/** A parsed log whose runs, and their results, are normalised as they are asked for. */
export interface OpenedSarif {
  /** Each run in order; take a run's results before asking for the next run. */
  runs(): Generator<OpenedRun>;
  /** What had to be repaired so far (all of it once every run's results were taken). */
  problems(): ImportProblem[];
}

/**
 * `importSarif` one result at a time, for an import that streams its findings: parses the
 * document (and throws as `importSarif` does) but normalises nothing yet.
 */
export function openSarif(text: SarifText, options: ImportOptions): OpenedSarif {
  const source = options.source ?? 'SARIF input';
  const { document, slices } = parsed(text, source);
  const problems = new ImportProblems(source);
  const anchor = anchorFor(source, options.root);
  return {
    *runs() {
      for (const [index, raw] of document.runs.entries()) {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
          problems.add(
            `/runs/${index}`,
            'The run is not an object; it is imported as an empty run.',
          );
        }
        yield openRun(
          raw,
          `/runs/${index}`,
          { root: options.root, source, problems, anchor, redactor: options.redactor },
          slices === undefined ? undefined : checked(slices.results(index), text, source),
        );
      }
    },
    problems: () => problems.toArray(),
  };
}

/**
 * Results are parsed in slices of about this many bytes: each slice's text stays under V8's
 * large-object size (128 KB), so it is made and dropped in the young generation. On 100,000
 * results, scan and parse took 123-135 ms with 64 KB slices and 309-331 ms with 256 KB ones.
 */
const sliceLength = 64 * 1024;

/**
 * For bytes, the document without its results and the results' slices, for an ordinary log;
 * the whole document otherwise, and wherever the skeleton is not a SARIF log (the whole text then
 * names the error as it always did). Text is parsed whole: encoding it to bytes only to decode
 * its slices again would do the decoding twice.
 */
function parsed(
  text: SarifText,
  source: string,
): { document: SarifDocument; slices?: SarifResultSlices } {
  const slices = typeof text === 'string' ? undefined : sliceSarifResults(text, sliceLength);
  if (slices !== undefined) {
    try {
      return { document: parseSarifDocument(slices.skeleton, source), slices };
    } catch {
      // Reported below, from the whole text.
    }
  }
  return { document: parseSarifDocument(decoded(text), source) };
}

function decoded(text: SarifText): string {
  return typeof text === 'string'
    ? text
    : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
}

/**
 * A run's sliced results; a slice that is not JSON fails the import as a document that is not
 * JSON does, with JSON.parse's message about the whole text.
 */
function* checked(results: Generator, text: SarifText, source: string): Generator {
  try {
    yield* results;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    parseSarifDocument(decoded(text), source);
    throw error;
  }
}

/** The location given to results that name none: the imported log itself. */
function anchorFor(source: string, root: string): Location {
  const absolute = path.resolve(root, source);
  const relativePath = workspaceRelativePath(absolute, root);
  const artifactLocation = artifactLocationFor(
    relativePath === undefined
      ? { kind: 'external', uri: pathToFileURL(absolute).href, valid: true }
      : { kind: 'workspace', relativePath },
  );
  return { physicalLocation: { artifactLocation } };
}
