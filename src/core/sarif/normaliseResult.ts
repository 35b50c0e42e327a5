import type {
  CodeFlow,
  Location,
  Message,
  Result,
  Suppression,
  ThreadFlow,
  ThreadFlowLocation,
} from 'sarif';
import type { ImportProblems } from './importProblem';
import { normaliseLocation, type LocationContext } from './normaliseLocation';
import { plainText } from '../text/plainText';
import { propertyBagOf } from './propertyBag';
import type { ResolvedRule, RuleTable } from './ruleTable';
import {
  BASELINE_STATES,
  guidOf,
  KINDS,
  LEVELS,
  oneOf,
  SUPPRESSION_KINDS,
  SUPPRESSION_STATUSES,
} from './sarifEnums';
import { property } from './sarifVocabulary';
import {
  arrayOf,
  definedEntries,
  finiteNumberOf,
  integerOf,
  isRecord,
  recordOf,
  stringMapOf,
  stringOf,
  stringsOf,
  textOf,
  unknownFields,
  type JsonRecord,
} from './untrustedJson';

/** What a result needs from its run and import to be normalised. */
export interface ResultContext extends LocationContext {
  readonly rules: RuleTable;
  readonly problems: ImportProblems;
  /** Where a result without any location is anchored: the log it was imported from. */
  readonly anchor: Location;
}

const KNOWN_RESULT_FIELDS = new Set([
  'ruleId',
  'ruleIndex',
  'rule',
  'level',
  'kind',
  'message',
  'locations',
  'relatedLocations',
  'codeFlows',
  'suppressions',
  'partialFingerprints',
  'fingerprints',
  'baselineState',
  'correlationGuid',
  'guid',
  'rank',
  'properties',
]);

/**
 * Rebuilds one result from another tool as valid SARIF 2.1.0 that GitHub code scanning accepts:
 * a rule it names, a level (its own, else the rule's default, else `warning`), a plain-text
 * message, at least one location. Fields SARIF does not define there are kept as data in the
 * property bag; markdown is kept only as data, never as a message to render.
 */
export function normaliseResult(raw: unknown, pointer: string, context: ResultContext): Result {
  const source = recordOf(raw) ?? {};
  if (!isRecord(raw)) {
    context.problems.add(pointer, 'The result is not an object; it is kept as an empty finding.');
  }
  const rule = context.rules.resolve(source, pointer);
  const kind = oneOf(source.kind, KINDS);
  const stated = oneOf(source.level, LEVELS);
  const level =
    kind !== undefined && kind !== 'fail'
      ? 'none'
      : (stated ?? rule.descriptor.defaultConfiguration?.level ?? 'warning');

  const result: Result = {
    ruleId: rule.ruleId,
    ruleIndex: rule.ruleIndex,
    level,
    message: messageOf(source.message, rule, pointer, context.problems),
  };
  if (kind !== undefined) {
    result.kind = kind;
  }

  // Made only for the few results that need it.
  let extra: JsonRecord | undefined;
  const markdown = isRecord(source.message) ? textOf(source.message.markdown) : undefined;
  if (markdown !== undefined) {
    (extra ??= {})[property.markdown] = markdown;
  }
  let external = false;
  const locations: Location[] = [];
  for (const entry of arrayOf(source.locations) ?? []) {
    const normalised = normaliseLocation(entry, context);
    if (normalised !== undefined) {
      locations.push(normalised.location);
      external ||= normalised.external && locations.length === 1;
    }
  }
  if (locations.length === 0) {
    locations.push(context.anchor);
    (extra ??= {})[property.noLocation] = true;
  }
  result.locations = locations;
  if (external) {
    (extra ??= {})[property.external] = true;
  }

  const related = definedEntries(
    source.relatedLocations,
    (entry) => normaliseLocation(entry, context)?.location,
  );
  if (related !== undefined) {
    result.relatedLocations = related;
  }
  const codeFlows = definedEntries(source.codeFlows, (entry) => codeFlowOf(entry, context));
  if (codeFlows !== undefined) {
    result.codeFlows = codeFlows;
  }
  const suppressions = definedEntries(source.suppressions, suppressionOf);
  if (suppressions !== undefined) {
    result.suppressions = suppressions;
  }
  const partialFingerprints = stringMapOf(source.partialFingerprints);
  if (partialFingerprints !== undefined) {
    result.partialFingerprints = partialFingerprints;
  }
  const fingerprints = stringMapOf(source.fingerprints);
  if (fingerprints !== undefined) {
    result.fingerprints = fingerprints;
  }
  const baselineState = oneOf(source.baselineState, BASELINE_STATES);
  if (baselineState !== undefined) {
    result.baselineState = baselineState;
  }
  const correlationGuid = guidOf(source.correlationGuid);
  if (correlationGuid !== undefined) {
    result.correlationGuid = correlationGuid;
  }
  const guid = guidOf(source.guid);
  if (guid !== undefined) {
    result.guid = guid;
  }
  const rank = finiteNumberOf(source.rank);
  if (rank !== undefined && rank >= -1 && rank <= 100) {
    result.rank = rank;
  }
  const properties = propertyBagOf(
    source.properties,
    unknownFields(source, KNOWN_RESULT_FIELDS),
    extra,
  );
  if (properties !== undefined) {
    result.properties = properties;
  }
  return result;
}

function messageOf(
  raw: unknown,
  rule: ResolvedRule,
  pointer: string,
  problems: ImportProblems,
): Message {
  const source = recordOf(raw);
  const args = stringsOf(source?.arguments);
  const id = stringOf(source?.id);
  const template =
    textOf(source?.text) ??
    (id === undefined ? undefined : rule.messageStrings.get(id)) ??
    textOf(source?.markdown);
  if (template === undefined) {
    problems.add(
      `${pointer}/message`,
      'The result has no message; the rule description stands in.',
    );
    return { text: rule.descriptor.shortDescription?.text ?? rule.ruleId };
  }
  const filled =
    args.length === 0
      ? template
      : template.replace(
          /\{(\d+)\}/g,
          (placeholder, index: string) => args[Number(index)] ?? placeholder,
        );
  return { text: plainText(filled) };
}

function suppressionOf(raw: unknown): Suppression | undefined {
  const source = recordOf(raw);
  const kind = oneOf(source?.kind, SUPPRESSION_KINDS);
  if (source === undefined || kind === undefined) {
    return undefined;
  }
  const suppression: Suppression = { kind };
  const status = oneOf(source.status, SUPPRESSION_STATUSES);
  if (status !== undefined) suppression.status = status;
  const justification = textOf(source.justification);
  if (justification !== undefined) suppression.justification = plainText(justification);
  const guid = guidOf(source.guid);
  if (guid !== undefined) suppression.guid = guid;
  return suppression;
}

function codeFlowOf(raw: unknown, context: ResultContext): CodeFlow | undefined {
  const source = recordOf(raw);
  const threadFlows = definedEntries(source?.threadFlows, (entry) => threadFlowOf(entry, context));
  if (threadFlows === undefined) {
    return undefined;
  }
  const flow: CodeFlow = { threadFlows };
  const message = isRecord(source?.message) ? textOf(source.message.text) : undefined;
  if (message !== undefined) {
    flow.message = { text: plainText(message) };
  }
  return flow;
}

function threadFlowOf(raw: unknown, context: ResultContext): ThreadFlow | undefined {
  const locations: ThreadFlowLocation[] = [];
  for (const entry of arrayOf(recordOf(raw)?.locations) ?? []) {
    const source = recordOf(entry);
    const location = normaliseLocation(source?.location, context)?.location;
    if (source === undefined || location === undefined) {
      continue;
    }
    const step: ThreadFlowLocation = { location };
    const nestingLevel = integerOf(source.nestingLevel, 0);
    if (nestingLevel !== undefined) step.nestingLevel = nestingLevel;
    const executionOrder = integerOf(source.executionOrder, -1);
    if (executionOrder !== undefined) step.executionOrder = executionOrder;
    locations.push(step);
  }
  return locations.length > 0 ? { locations } : undefined;
}
