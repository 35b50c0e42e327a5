/** Why a SARIF document could not be imported at all. */
export type SarifImportFailure = 'not-json' | 'unsupported-version' | 'not-a-sarif-log';

/**
 * The one error `importSarif` throws: the document as a whole is unusable. Its message names
 * the file, what was wrong and what to do. Problems inside an otherwise usable log are not
 * errors; they are reported next to the imported runs.
 */
export class SarifImportError extends Error {
  constructor(
    readonly source: string,
    readonly failure: SarifImportFailure,
    detail: string,
    readonly version?: string,
  ) {
    super(`${source}: ${detail}`);
    this.name = 'SarifImportError';
  }
}
