/**
 * The fixed words of the SARIF logs OpenPypi writes: the schema and version every log states,
 * the base id that anchors workspace paths, and the names of OpenPypi's own property-bag keys.
 */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';

/** The base id of every workspace-relative URI in a log OpenPypi writes. */
export const SOURCE_ROOT_BASE_ID = '%SRCROOT%';

/** Base ids that other tools use for the scanned folder; they all mean the workspace root. */
export const ROOT_BASE_IDS: readonly string[] = [SOURCE_ROOT_BASE_ID, 'SRCROOT', 'ROOTPATH'];

/** Keys OpenPypi writes in SARIF property bags. */
export const property = {
  /** On a result or location whose file lies outside the workspace. */
  external: 'openpypi/external',
  /** On a dependency finding: `{ name, version }` (the name normalised per PEP 503). */
  package: 'openpypi/package',
  /** On a dependency finding: the advisory id first, then its aliases. */
  vulnerabilityIds: 'openpypi/vulnerabilityIds',
  fixVersions: 'openpypi/fixVersions',
  /** On a correlated dependency finding: every tool that reported it. */
  seenBy: 'openpypi/seenBy',
  /** Markdown a tool sent with a message or a rule text; kept as data, never rendered. */
  markdown: 'openpypi/markdown',
  /** Fields of the source document that SARIF 2.1.0 does not define at that place. */
  unknown: 'openpypi/unknown',
  /** The URI exactly as the source wrote it, when OpenPypi had to rewrite it. */
  originalUri: 'openpypi/originalUri',
  /** The region exactly as the source wrote it, when OpenPypi had to repair it. */
  originalRegion: 'openpypi/originalRegion',
  /** On a result that had no location: it is anchored at the log it came from. */
  noLocation: 'openpypi/noLocation',
  /** On an imported run: the file it was imported from. */
  importedFrom: 'openpypi/importedFrom',
  /** On an imported run: its originalUriBaseIds as the source wrote them. */
  originalUriBaseIds: 'openpypi/originalUriBaseIds',
} as const;

/** The key of OpenPypi's own line-move-stable fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'openpypi/v1';
/** GitHub code scanning's fingerprint key; computed the way the upload action does. */
export const LINE_HASH_KEY = 'primaryLocationLineHash';
