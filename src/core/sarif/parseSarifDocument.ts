import { SARIF_VERSION } from './sarifVocabulary';
import { SarifImportError } from './sarifImportError';
import { arrayOf, isRecord, type JsonRecord } from './untrustedJson';

const BYTE_ORDER_MARK = '\uFEFF';

/** A parsed document that states SARIF 2.1.0 and has a `runs` array, not yet checked further. */
export interface SarifDocument {
  readonly root: JsonRecord;
  readonly runs: readonly unknown[];
}

/**
 * Parses the text of a SARIF file: drops a UTF-8 byte order mark, reads the JSON and checks the
 * version wherever in the document it is written. Throws `SarifImportError` naming `source`.
 */
export function parseSarifDocument(text: string, source: string): SarifDocument {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new SarifImportError(
      source,
      'not-json',
      `is not valid JSON (${reason}). Check that the file is a complete SARIF log, not truncated or another format.`,
    );
  }
  if (!isRecord(parsed)) {
    throw new SarifImportError(
      source,
      'not-a-sarif-log',
      'is JSON but not a SARIF log (the top level must be an object with "version" and "runs").',
    );
  }
  const version = parsed.version;
  if (version !== SARIF_VERSION) {
    const stated =
      typeof version === 'string'
        ? version
        : version === undefined
          ? '(none)'
          : JSON.stringify(version);
    throw new SarifImportError(
      source,
      'unsupported-version',
      `states SARIF version ${stated}; only SARIF ${SARIF_VERSION} can be imported. Convert it first (for example with "Sarif.Multitool transform --sarif-output-version Current").`,
      typeof version === 'string' ? version : undefined,
    );
  }
  const runs = arrayOf(parsed.runs);
  if (runs === undefined) {
    throw new SarifImportError(
      source,
      'not-a-sarif-log',
      'states SARIF 2.1.0 but has no "runs" array, so it holds no results to import.',
    );
  }
  return { root: parsed, runs };
}
