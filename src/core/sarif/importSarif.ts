import path from 'node:path';
import type { Location, Run } from 'sarif';
import type { Redactor } from '../redaction/redactor';
import { ImportProblems, type ImportProblem } from './importProblem';
import { artifactLocationFor } from './normaliseLocation';
import { openRun, type OpenedRun } from './normaliseRun';
import { parseSarifDocument } from './parseSarifDocument';
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
export function importSarif(text: string, options: ImportOptions): ImportedSarif {
  const opened = openSarif(text, options);
  const runs: Run[] = [];
  for (const run of opened.runs()) {
    run.run.results = [...run.results()];
    runs.push(run.run);
  }
  return { runs, problems: opened.problems() };
}

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
export function openSarif(text: string, options: ImportOptions): OpenedSarif {
  const source = options.source ?? 'SARIF input';
  const document = parseSarifDocument(text, source);
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
        yield openRun(raw, `/runs/${index}`, {
          root: options.root,
          source,
          problems,
          anchor,
          redactor: options.redactor,
        });
      }
    },
    problems: () => problems.toArray(),
  };
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
