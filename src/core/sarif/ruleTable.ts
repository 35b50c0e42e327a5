import type { ReportingDescriptor } from 'sarif';
import { plainText } from '../text/plainText';
import type { ImportProblems } from './importProblem';
import { propertyBagOf } from './propertyBag';
import { absoluteUriOf, LEVELS, oneOf } from './sarifEnums';
import { property } from './sarifVocabulary';
import {
  arrayOf,
  booleanOf,
  finiteNumberOf,
  integerOf,
  isRecord,
  recordOf,
  stringOf,
  textOf,
  unknownFields,
  type JsonRecord,
} from './untrustedJson';

/** A rule as OpenPypi writes it, with the message templates a result may refer to. */
interface RuleEntry {
  readonly descriptor: ReportingDescriptor;
  readonly messageStrings: ReadonlyMap<string, string>;
}

/** The rule a result points at, after resolution. */
export interface ResolvedRule {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly descriptor: ReportingDescriptor;
  readonly messageStrings: ReadonlyMap<string, string>;
}

const UNIDENTIFIED_RULE = 'openpypi/unidentified-rule';

const KNOWN_RULE_FIELDS = new Set([
  'id',
  'name',
  'shortDescription',
  'fullDescription',
  'help',
  'helpUri',
  'defaultConfiguration',
  'properties',
]);

/**
 * The rules of one imported run. SARIF lets a result name its rule by `ruleId`, by `ruleIndex`
 * into `tool.driver.rules`, or by a `rule` reference into `tool.extensions`; the table folds all
 * of them into one `driver.rules` array and gives every rule the short description, full
 * description and help text that GitHub code scanning requires.
 */
export class RuleTable {
  readonly descriptors: ReportingDescriptor[] = [];
  private readonly entries: RuleEntry[] = [];
  private readonly byId = new Map<string, number>();
  private readonly driverIndex = new Map<number, number>();
  private readonly extensionRules: unknown[][];
  private readonly extensionNames: (string | undefined)[];

  constructor(
    driver: JsonRecord | undefined,
    extensions: unknown,
    private readonly problems: ImportProblems,
    private readonly pointer: string,
  ) {
    const driverRules = arrayOf(driver?.rules) ?? [];
    driverRules.forEach((raw, index) => {
      this.driverIndex.set(index, this.add(raw, `${pointer}/tool/driver/rules/${index}`));
    });
    const extensionList = arrayOf(extensions) ?? [];
    this.extensionRules = extensionList.map((extension) =>
      isRecord(extension) ? (arrayOf(extension.rules) ?? []) : [],
    );
    this.extensionNames = extensionList.map((extension) =>
      isRecord(extension) ? stringOf(extension.name) : undefined,
    );
  }

  /** The rule of `result`, added to the table when the run did not declare it. */
  resolve(result: JsonRecord, resultPointer: string): ResolvedRule {
    const statedId = textOf(result.ruleId);
    const reference = recordOf(result.rule);
    const referencedId = textOf(reference?.id);
    let index = this.fromReference(reference);
    if (index === undefined) {
      const ruleIndex = integerOf(result.ruleIndex, 0);
      index = ruleIndex === undefined ? undefined : this.driverIndex.get(ruleIndex);
      if (ruleIndex !== undefined && index === undefined) {
        this.problems.add(`${resultPointer}/ruleIndex`, `ruleIndex ${ruleIndex} names no rule.`);
      }
    }
    const wantedId = statedId ?? referencedId;
    if (wantedId !== undefined) {
      const found = index === undefined ? undefined : this.entries[index];
      const consistent =
        found !== undefined &&
        (found.descriptor.id === wantedId || wantedId.startsWith(`${found.descriptor.id}/`));
      if (!consistent) {
        index = this.byId.get(wantedId) ?? this.add({ id: wantedId }, resultPointer);
      }
    }
    if (index === undefined) {
      this.problems.add(
        resultPointer,
        'The result names no rule; it is filed under an unidentified rule.',
      );
      index =
        this.byId.get(UNIDENTIFIED_RULE) ?? this.add({ id: UNIDENTIFIED_RULE }, resultPointer);
    }
    const entry = this.entries[index];
    if (entry === undefined) {
      throw new Error(`Rule table out of step at index ${index}`);
    }
    return {
      ruleId: wantedId ?? entry.descriptor.id,
      ruleIndex: index,
      descriptor: entry.descriptor,
      messageStrings: entry.messageStrings,
    };
  }

  private fromReference(reference: JsonRecord | undefined): number | undefined {
    const component = recordOf(reference?.toolComponent);
    if (reference === undefined || component === undefined) {
      return undefined;
    }
    let extension = integerOf(component.index, 0);
    const name = stringOf(component.name);
    if (extension === undefined && name !== undefined) {
      const found = this.extensionNames.indexOf(name);
      extension = found >= 0 ? found : undefined;
    }
    const rules = extension === undefined ? undefined : this.extensionRules[extension];
    if (rules === undefined) {
      return undefined;
    }
    const ruleIndex = integerOf(reference.index, 0);
    const id = textOf(reference.id);
    const raw =
      ruleIndex === undefined
        ? rules.find((rule) => isRecord(rule) && rule.id === id)
        : rules[ruleIndex];
    if (raw === undefined) {
      return undefined;
    }
    const rawId = isRecord(raw) ? textOf(raw.id) : undefined;
    const existing = rawId === undefined ? undefined : this.byId.get(rawId);
    return existing ?? this.add(raw, `${this.pointer}/tool/extensions/${extension ?? 0}`);
  }

  private add(raw: unknown, pointer: string): number {
    const source = recordOf(raw) ?? {};
    let id = textOf(source.id);
    if (id === undefined) {
      id = `openpypi/rule-${this.entries.length}`;
      this.problems.add(pointer, `A rule has no id; it is called ${id}.`);
    }
    const existing = this.byId.get(id);
    if (existing !== undefined) {
      return existing;
    }
    const entry = completeRule(id, source);
    const index = this.entries.length;
    this.entries.push(entry);
    this.descriptors.push(entry.descriptor);
    this.byId.set(id, index);
    return index;
  }
}

function messageText(value: unknown): string | undefined {
  return isRecord(value) ? textOf(value.text) : undefined;
}

function messageMarkdown(value: unknown): string | undefined {
  return isRecord(value) ? textOf(value.markdown) : undefined;
}

function completeRule(id: string, source: JsonRecord): RuleEntry {
  const name = textOf(source.name);
  const shortText = messageText(source.shortDescription) ?? name ?? id;
  const fullText = messageText(source.fullDescription) ?? shortText;
  const helpUri = absoluteUriOf(source.helpUri);
  const helpText =
    messageText(source.help) ?? (helpUri === undefined ? fullText : `${fullText} See ${helpUri}`);

  const markdown: JsonRecord = {};
  for (const field of ['shortDescription', 'fullDescription', 'help'] as const) {
    const text = messageMarkdown(source[field]);
    if (text !== undefined) {
      markdown[field] = text;
    }
  }
  const descriptor: ReportingDescriptor = {
    id,
    shortDescription: { text: plainText(shortText) },
    fullDescription: { text: plainText(fullText) },
    help: { text: plainText(helpText) },
  };
  if (name !== undefined) {
    descriptor.name = plainText(name);
  }
  if (helpUri !== undefined) {
    descriptor.helpUri = helpUri;
  }
  const configuration = recordOf(source.defaultConfiguration);
  if (configuration !== undefined) {
    const level = oneOf(configuration.level, LEVELS);
    const enabled = booleanOf(configuration.enabled);
    const rank = finiteNumberOf(configuration.rank);
    descriptor.defaultConfiguration = {};
    if (level !== undefined) descriptor.defaultConfiguration.level = level;
    if (enabled !== undefined) descriptor.defaultConfiguration.enabled = enabled;
    if (rank !== undefined && rank >= -1 && rank <= 100) {
      descriptor.defaultConfiguration.rank = rank;
    }
  }
  const unknown = unknownFields(source, KNOWN_RULE_FIELDS);
  const properties = propertyBagOf(
    source.properties,
    unknown,
    Object.keys(markdown).length > 0 ? { [property.markdown]: markdown } : undefined,
  );
  if (properties !== undefined) {
    descriptor.properties = properties;
  }
  const messageStrings = new Map<string, string>();
  for (const [key, value] of Object.entries(recordOf(source.messageStrings) ?? {})) {
    const text = messageText(value);
    if (text !== undefined) {
      messageStrings.set(key, text);
    }
  }
  return { descriptor, messageStrings };
}
