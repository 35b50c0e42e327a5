import type { PropertyBag } from 'sarif';
import { property } from './sarifVocabulary';
import { recordOf, stringsOf, type JsonRecord } from './untrustedJson';

/**
 * A SARIF property bag from untrusted input, plus OpenPypi's own entries. Every value is kept
 * as data; only `tags` is reshaped (SARIF wants unique strings). Fields the source wrote where
 * SARIF defines none are kept under `openpypi/unknown`. Returns undefined when there is nothing.
 */
export function propertyBagOf(
  raw: unknown,
  unknown?: JsonRecord,
  extra?: JsonRecord,
): PropertyBag | undefined {
  const source = recordOf(raw);
  // Nothing to keep: the case of nearly every result and location of a large log.
  if (source === undefined && unknown === undefined && extra === undefined) return undefined;
  const bag: PropertyBag = source === undefined ? {} : { ...source };
  if (source !== undefined && 'tags' in source) {
    const tags = [...new Set(stringsOf(source.tags))];
    if (tags.length > 0) {
      bag.tags = tags;
    } else {
      delete bag.tags;
    }
  }
  if (unknown !== undefined) {
    bag[property.unknown] = { ...(recordOf(bag[property.unknown]) ?? {}), ...unknown };
  }
  if (extra !== undefined) {
    Object.assign(bag, extra);
  }
  return Object.keys(bag).length > 0 ? bag : undefined;
}
