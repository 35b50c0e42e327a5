import type {
  Invocation,
  Location,
  Notification,
  Result,
  Run,
  ToolComponent,
  VersionControlDetails,
} from 'sarif';
import type { Redactor } from '../redaction/redactor';
import type { ImportProblems } from './importProblem';
import { normaliseResult } from './normaliseResult';
import { plainText } from '../text/plainText';
import { propertyBagOf } from './propertyBag';
import { directoryFileUri } from './resolveArtifactUri';
import type { ResolvedArtifacts } from './normaliseLocation';
import { RuleTable } from './ruleTable';
import { absoluteUriOf, LEVELS, oneOf } from './sarifEnums';
import { property, SOURCE_ROOT_BASE_ID } from './sarifVocabulary';
import {
  arrayOf,
  booleanOf,
  definedEntries,
  integerOf,
  isRecord,
  recordOf,
  stringOf,
  textOf,
  unknownFields,
  type JsonRecord,
} from './untrustedJson';

export interface RunContext {
  readonly root: string;
  readonly source: string;
  readonly problems: ImportProblems;
  /** Where results without a location are anchored. */
  readonly anchor: Location;
  readonly redactor?: Redactor;
}

const UNKNOWN_TOOL = 'Unknown tool';

const KNOWN_RUN_FIELDS = new Set([
  'tool',
  'results',
  'invocations',
  'originalUriBaseIds',
  'versionControlProvenance',
  'automationDetails',
  'columnKind',
  'properties',
]);

const KNOWN_DRIVER_FIELDS = new Set([
  'name',
  'fullName',
  'version',
  'semanticVersion',
  'organization',
  'informationUri',
  'rules',
  'properties',
]);

/**
 * A run whose results are normalised one at a time, as they are asked for: what streams an
 * import. `run` is complete except for `results`, which stays empty; its driver's rules grow as
 * results name rules the driver did not list, so a result's `ruleIndex` is valid once it is
 * yielded.
 */
export interface OpenedRun {
  readonly run: Run;
  /** The normalised results in order; each source result is released once normalised. */
  results(): Generator<Result>;
}

/**
 * Rebuilds one run of another tool's log as a run OpenPypi can merge and write: the driver with
 * complete rules, every result normalised (by `results()`, on demand), URIs relative to
 * `%SRCROOT%` (the workspace) or marked external. What the run holds beyond that (artifacts,
 * taxonomies, extensions, the original base ids...) is kept as data in the run's property bag.
 * `slicedResults`, when given, are the run's results read from the log's text a slice at a time
 * (sarifResultSlices.ts); `raw` is then the run without them.
 */
export function openRun(
  raw: unknown,
  pointer: string,
  context: RunContext,
  slicedResults?: Iterable<unknown>,
): OpenedRun {
  const source = recordOf(raw) ?? {};
  const tool = recordOf(source.tool);
  const driverSource = recordOf(tool?.driver);
  const rules = new RuleTable(driverSource, tool?.extensions, context.problems, pointer);

  const name = textOf(driverSource?.name);
  if (name === undefined) {
    context.problems.add(
      `${pointer}/tool/driver/name`,
      `The tool has no name; it is called "${UNKNOWN_TOOL}".`,
    );
  }
  const locationContext = {
    root: context.root,
    originalUriBaseIds: source.originalUriBaseIds,
    artifacts: arrayOf(source.artifacts) ?? [],
    resolved: new Map() as ResolvedArtifacts,
  };
  const rawResults = source.results;
  const resultList = arrayOf(rawResults);
  if (rawResults !== undefined && resultList === undefined) {
    context.problems.add(
      `${pointer}/results`,
      'results is not an array; the run is imported without results.',
    );
  }
  const resultContext = {
    ...locationContext,
    rules,
    problems: context.problems,
    anchor: context.anchor,
  };
  const list = slicedResults ?? released(resultList ?? []);
  const results = function* (): Generator<Result> {
    let index = 0;
    for (const entry of list) {
      yield normaliseResult(entry, `${pointer}/results/${index}`, resultContext);
      index += 1;
    }
  };

  const driver: ToolComponent = { name: plainText(name ?? UNKNOWN_TOOL), rules: rules.descriptors };
  for (const field of ['fullName', 'version', 'semanticVersion', 'organization'] as const) {
    const value = textOf(driverSource?.[field]);
    if (value !== undefined) {
      driver[field] = plainText(value);
    }
  }
  const informationUri = absoluteUriOf(driverSource?.informationUri);
  if (informationUri !== undefined) {
    driver.informationUri = informationUri;
  }
  const driverProperties = propertyBagOf(
    driverSource?.properties,
    driverSource === undefined ? undefined : unknownFields(driverSource, KNOWN_DRIVER_FIELDS),
  );
  if (driverProperties !== undefined) {
    driver.properties = driverProperties;
  }

  const run: Run = {
    tool: { driver },
    originalUriBaseIds: { [SOURCE_ROOT_BASE_ID]: { uri: directoryFileUri(context.root) } },
    results: [],
  };
  const invocations = (arrayOf(source.invocations) ?? []).map((entry) =>
    invocationOf(entry, context.redactor),
  );
  if (invocations.length > 0) {
    run.invocations = invocations;
  }
  const provenance = definedEntries(source.versionControlProvenance, versionControlOf);
  if (provenance !== undefined) {
    run.versionControlProvenance = provenance;
  }
  const automationId = textOf(recordOf(source.automationDetails)?.id);
  if (automationId !== undefined) {
    run.automationDetails = { id: automationId };
  }
  const columnKind = oneOf(source.columnKind, ['utf16CodeUnits', 'unicodeCodePoints'] as const);
  if (columnKind !== undefined) {
    run.columnKind = columnKind;
  }
  const extra: JsonRecord = { [property.importedFrom]: context.source };
  if (source.originalUriBaseIds !== undefined) {
    extra[property.originalUriBaseIds] = source.originalUriBaseIds;
  }
  const unknown = unknownFields(source, KNOWN_RUN_FIELDS);
  if (tool !== undefined) {
    const toolUnknown = unknownFields(tool, new Set(['driver']));
    if (toolUnknown !== undefined) {
      extra[`${property.unknown}/tool`] = toolUnknown;
    }
  }
  run.properties = propertyBagOf(source.properties, unknown, extra);
  return { run, results };
}

/**
 * The entries of a parsed results array, each released as it is taken: the parsed document
 * belongs to the import alone, and releasing each source result once it is normalised keeps the
 * peak memory of a 100,000-result import near one copy, not two.
 */
function* released(list: unknown[]): Generator {
  for (let index = 0; index < list.length; index++) {
    const entry = list[index];
    list[index] = undefined;
    yield entry;
  }
}

function invocationOf(raw: unknown, redactor: Redactor | undefined): Invocation {
  const source = recordOf(raw) ?? {};
  const exitCode = integerOf(source.exitCode, Number.MIN_SAFE_INTEGER);
  const successful =
    booleanOf(source.executionSuccessful) ?? (exitCode === undefined || exitCode === 0);
  const invocation: Invocation = { executionSuccessful: successful };
  const commandLine = textOf(source.commandLine);
  if (commandLine !== undefined) {
    invocation.commandLine =
      redactor === undefined ? plainText(commandLine) : redactor.redact(plainText(commandLine));
  }
  if (exitCode !== undefined) {
    invocation.exitCode = exitCode;
  }
  const start = timeOf(source.startTimeUtc);
  const end = timeOf(source.endTimeUtc);
  if (start !== undefined) invocation.startTimeUtc = start;
  if (end !== undefined && (start === undefined || end >= start)) invocation.endTimeUtc = end;
  const notifications = definedEntries(
    [
      ...(arrayOf(source.toolExecutionNotifications) ?? []),
      ...(arrayOf(source.toolConfigurationNotifications) ?? []),
    ],
    notificationOf,
  );
  if (notifications !== undefined) {
    invocation.toolExecutionNotifications = notifications;
  }
  return invocation;
}

function notificationOf(raw: unknown): Notification | undefined {
  const source = recordOf(raw);
  const text = isRecord(source?.message) ? textOf(source.message.text) : undefined;
  if (source === undefined || text === undefined) {
    return undefined;
  }
  const notification: Notification = { message: { text: plainText(text) } };
  const level = oneOf(source.level, LEVELS);
  if (level !== undefined) {
    notification.level = level;
  }
  return notification;
}

function versionControlOf(raw: unknown): VersionControlDetails | undefined {
  const source = recordOf(raw);
  const repositoryUri = absoluteUriOf(source?.repositoryUri);
  if (source === undefined || repositoryUri === undefined) {
    return undefined;
  }
  const details: VersionControlDetails = { repositoryUri };
  const revisionId = textOf(source.revisionId);
  if (revisionId !== undefined) details.revisionId = revisionId;
  const branch = textOf(source.branch);
  if (branch !== undefined) details.branch = branch;
  return details;
}

/** An ISO 8601 UTC time as SARIF writes it, or undefined when `value` is not a time. */
function timeOf(value: unknown): string | undefined {
  const text = stringOf(value);
  if (text === undefined) {
    return undefined;
  }
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
