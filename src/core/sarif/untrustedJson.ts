/**
 * Guards for reading JSON that came from another program: each returns the value when it has
 * the expected type and `undefined` otherwise, so a parser never trusts a shape it did not check.
 */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordOf(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

export function arrayOf(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? (value as unknown[]) : undefined;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A non-empty string, or undefined. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function booleanOf(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** An integer no smaller than `minimum`, or undefined. */
export function integerOf(value: unknown, minimum: number): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum
    ? value
    : undefined;
}

export function finiteNumberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The string values of an array; other entries are dropped. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((entry): entry is string => typeof entry === 'string')
    : [];
}

/**
 * What `map` makes of each entry of an array, without the entries it maps to undefined; undefined
 * when that leaves nothing or `value` is no array. Allocates nothing for a field that is absent
 * (most optional arrays of most of 100,000 results).
 */
export function definedEntries<T>(
  value: unknown,
  map: (entry: unknown) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: T[] = [];
  for (const entry of value as unknown[]) {
    const mapped = map(entry);
    if (mapped !== undefined) out.push(mapped);
  }
  return out.length > 0 ? out : undefined;
}

/** A record whose values are all strings (other values dropped), or undefined when empty. */
export function stringMapOf(value: unknown): Record<string, string> | undefined {
  const record = recordOf(value);
  if (record === undefined) {
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record)) {
    if (typeof entry === 'string') {
      out[key] = entry;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The entries of `record` whose keys are not in `known`, or undefined when there are none. */
export function unknownFields(
  record: JsonRecord,
  known: ReadonlySet<string>,
): JsonRecord | undefined {
  let out: JsonRecord | undefined;
  // for...in, not Object.entries: this runs for every result of logs with 100,000 of them.
  for (const key in record) {
    if (!known.has(key) && Object.hasOwn(record, key)) {
      out ??= {};
      out[key] = record[key];
    }
  }
  return out;
}
