import { parse } from 'smol-toml';
import { describeError } from '../logging/describeError';
import { ManifestParseError } from './manifestParseError';

export type TomlTable = Record<string, unknown>;

/** Parses a TOML manifest, turning a syntax error into a ManifestParseError that names the file. */
export function parseTomlManifest(file: string, text: string): TomlTable {
  try {
    return parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ManifestParseError(
      file,
      `invalid TOML (${describeError(error).split('\n')[0] ?? ''})`,
    );
  }
}

export function tableAt(root: unknown, keys: readonly string[]): TomlTable | undefined {
  let node: unknown = root;
  for (const key of keys) {
    if (!isTable(node)) {
      return undefined;
    }
    node = node[key];
  }
  return isTable(node) ? node : undefined;
}

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
