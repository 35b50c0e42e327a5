import type { Region } from 'sarif';
import { plainText } from '../text/plainText';
import { integerOf, isRecord, recordOf, stringOf } from './untrustedJson';

export interface NormalisedRegion {
  /** The region to write, or undefined when the source gave nothing usable. */
  readonly region: Region | undefined;
  /** True when the source region had to be changed (kept aside by the caller). */
  readonly repaired: boolean;
}

/**
 * Makes a region valid SARIF 2.1.0 from whatever a tool wrote: line and column numbers are
 * positive integers (`startColumn: 0` becomes 1), an end never precedes its start, a negative
 * `charLength` or `byteLength` drops that offset pair, and an empty region `{}` is no region.
 */
export function normaliseRegion(raw: unknown): NormalisedRegion {
  const source = recordOf(raw);
  if (source === undefined) {
    return { region: undefined, repaired: raw !== undefined };
  }
  let repaired = false;
  const region: Region = {};

  const startLine = integerOf(source.startLine, 1);
  if (startLine !== undefined) {
    region.startLine = startLine;
    const startColumn = integerOf(source.startColumn, 0);
    if (startColumn !== undefined) {
      region.startColumn = Math.max(1, startColumn);
      repaired ||= startColumn === 0;
    }
    const endLine = integerOf(source.endLine, startLine);
    if (endLine !== undefined) {
      region.endLine = endLine;
    }
    const endColumn = integerOf(source.endColumn, 1);
    const sameLine = endLine === undefined || endLine === startLine;
    if (endColumn !== undefined && (!sameLine || endColumn >= (region.startColumn ?? 1))) {
      region.endColumn = endColumn;
    }
  }

  const charOffset = integerOf(source.charOffset, 0);
  const charLength = source.charLength;
  if (
    charOffset !== undefined &&
    (charLength === undefined || integerOf(charLength, 0) !== undefined)
  ) {
    region.charOffset = charOffset;
    if (charLength !== undefined) {
      region.charLength = charLength as number;
    }
  }
  const byteOffset = integerOf(source.byteOffset, 0);
  const byteLength = source.byteLength;
  if (
    byteOffset !== undefined &&
    (byteLength === undefined || integerOf(byteLength, 0) !== undefined)
  ) {
    region.byteOffset = byteOffset;
    if (byteLength !== undefined) {
      region.byteLength = byteLength as number;
    }
  }

  const snippet = isRecord(source.snippet) ? stringOf(source.snippet.text) : undefined;
  const message = isRecord(source.message) ? stringOf(source.message.text) : undefined;
  const hasPosition =
    region.startLine !== undefined ||
    region.charOffset !== undefined ||
    region.byteOffset !== undefined;
  if (!hasPosition) {
    return { region: undefined, repaired: Object.keys(source).length > 0 };
  }
  if (snippet !== undefined) {
    region.snippet = { text: snippet };
  }
  if (message !== undefined) {
    region.message = { text: plainText(message) };
  }
  repaired ||= Object.keys(source).some(
    (key) => !(key in region) && !IGNORED_WHEN_DROPPED.has(key),
  );
  return { region, repaired };
}

/** Fields the normalised region leaves out on purpose without calling it a repair. */
const IGNORED_WHEN_DROPPED = new Set(['sourceLanguage', 'properties']);
