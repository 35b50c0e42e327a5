import { isDeepStrictEqual } from 'node:util';
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  type Document,
  type YAMLSeq,
} from 'yaml';
import { dependabotUpdate } from './dependabotConfig';
import type { DependabotEcosystem } from './dependabotEcosystems';

export type DependabotMerge =
  /** The user's file with `updates` entries for the ecosystems it lacked, comments kept. */
  | { readonly kind: 'merged'; readonly text: string; readonly added: DependabotEcosystem[] }
  /** Every ecosystem already has an entry: nothing to change. */
  | { readonly kind: 'unchanged' }
  /** The file cannot be merged into (broken YAML, another shape); `reason` says why. */
  | { readonly kind: 'unmergeable'; readonly reason: string };

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/**
 * Adds the missing ecosystems to an existing dependabot.yml through the `yaml` Document API, so
 * the user's entries, their order, values and comments stay as they were. An ecosystem counts
 * as configured when any entry names it, whatever its directory or schedule.
 */
export function mergeDependabotConfig(
  existing: string,
  ecosystems: readonly DependabotEcosystem[],
): DependabotMerge {
  // Typed as an editable Document: parsed nodes are replaced and added below.
  const doc: Document = parseDocument(existing);
  const error = doc.errors[0];
  if (error !== undefined) {
    return {
      kind: 'unmergeable',
      reason: `it is not valid YAML (${error.message.split('\n')[0]})`,
    };
  }
  if (doc.contents === null) {
    // Empty, or only comments: the comments stay above a new config.
    doc.contents = doc.createNode({ version: 2, updates: ecosystems.map(dependabotUpdate) });
    return { kind: 'merged', text: doc.toString({ lineWidth: 0 }), added: [...ecosystems] };
  }
  if (!isMap(doc.contents)) {
    return { kind: 'unmergeable', reason: 'it is not a mapping with `version` and `updates`' };
  }
  const version = scalarValue(doc.contents.get('version', true));
  if (version !== undefined && version !== 2 && version !== '2') {
    return {
      kind: 'unmergeable',
      reason: `it has version ${JSON.stringify(version)}; OpenPypi writes Dependabot version 2`,
    };
  }
  if (version === undefined) doc.contents.set('version', 2);
  const updates = doc.contents.get('updates', true);
  if (updates === undefined || scalarValue(updates) === null) {
    doc.contents.set('updates', doc.createNode(ecosystems.map(dependabotUpdate)));
    return { kind: 'merged', text: doc.toString({ lineWidth: 0 }), added: [...ecosystems] };
  }
  if (!isSeq(updates)) {
    return { kind: 'unmergeable', reason: '`updates` is not a list' };
  }
  const configured = new Set<unknown>(
    updates.items.map((item) =>
      isMap(item) ? scalarValue(item.get('package-ecosystem', true)) : undefined,
    ),
  );
  const added = ecosystems.filter((ecosystem) => !configured.has(ecosystem));
  if (added.length === 0) return { kind: 'unchanged' };
  const entries = added.map(dependabotUpdate);
  const inserted = insertAfterLastEntry(existing, updates, entries);
  if (inserted !== undefined) return { kind: 'merged', text: inserted, added };
  for (const entry of entries) updates.add(doc.createNode(entry));
  return { kind: 'merged', text: doc.toString({ lineWidth: 0 }), added };
}

/**
 * The user's text with `entries` inserted as block list items right after the last item of the
 * block list `updates`, at its indentation, so not one character of the user's part changes.
 * Undefined when that does not parse back to exactly the old list plus the entries (a flow
 * list, odd indentation): the caller then rewrites through the Document instead.
 */
function insertAfterLastEntry(
  text: string,
  updates: YAMLSeq,
  entries: readonly Record<string, unknown>[],
): string | undefined {
  const [start, end] = updates.range ?? [];
  if (start === undefined || end === undefined || text[start] !== '-') return undefined;
  const indent = ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = stringify(entries, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => `${indent}${line}${eol}`);
  const before = text.slice(0, end);
  const separator = before.endsWith('\n') ? '' : eol;
  const merged = `${before}${separator}${lines.join('')}${text.slice(end)}`;
  try {
    const check = parseDocument(merged);
    const expected = [...updates.toJSON(), ...entries];
    return check.errors.length === 0 &&
      isDeepStrictEqual((check.toJS() as { updates?: unknown }).updates, expected)
      ? merged
      : undefined;
  } catch {
    // Aliases or tags that do not resolve on their own: rewrite through the Document.
    return undefined;
  }
}
