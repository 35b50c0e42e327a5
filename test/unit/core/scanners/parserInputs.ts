/** Inputs for the parser property tests: the parsers, a context, real outputs and their damaged variants. */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Run } from 'sarif';
import { createPackageLocator } from '../../../../src/core/manifests/manifestIndex';
import { readManifest } from '../../../../src/core/manifests/readManifest';
import { parseBanditJson } from '../../../../src/core/scanners/bandit';
import { parsePipAuditJson } from '../../../../src/core/scanners/pipAudit';
import { parseSafetyJson } from '../../../../src/core/scanners/safety';
import type { ParseContext } from '../../../../src/core/scanners/scanner';
import { parseTrivy } from '../../../../src/core/scanners/trivy';
import { fixture, fixturesDir } from './runShape';

export type Parser = (stdout: string, context: ParseContext) => Run;

export const parsers: Record<string, Parser> = {
  bandit: parseBanditJson,
  'pip-audit': parsePipAuditJson,
  safety: parseSafetyJson,
  trivy: parseTrivy,
};

export const context: ParseContext = {
  root: '/work/project',
  auditedManifests: ['requirements.txt'],
  locator: createPackageLocator(
    readManifest('requirements.txt', 'flask==0.5\ndjango==1.2.2\nwerkzeug==0.11\n').declarations,
    ['requirements.txt'],
  ),
};

/** Text a hostile or broken tool could print into any field. */
const nastyText = fc.constantFrom(
  '<script>alert(1)</script>',
  '[click](javascript:alert(1)) **bold** `code` <img src=x onerror=alert(1)>',
  '\u001b[31mred\u001b[0m \u0007 \u0000',
  'ü日本語🐍 \u202e',
  '../../etc/passwd',
  'file:///etc/shadow',
  '\\\\server\\share\\x.py',
  'C:\\Users\\x\\app.py',
  '',
  'x'.repeat(100_000),
);

const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  nastyText,
  fc.constantFrom(null, -1, 0, 1.5, 2 ** 53, true, [], {}),
);

/** Every path to a value inside a JSON document (capped), for mutation. */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (out.length > 4000) {
    return out;
  }
  out.push(prefix);
  if (Array.isArray(value)) {
    value.slice(0, 50).forEach((item, i) => pathsOf(item, [...prefix, i], out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      pathsOf(item, [...prefix, key], out);
    }
  }
  return out;
}

function replaceAt(root: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) {
    return value;
  }
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of at.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
  }
  node[at[at.length - 1] ?? 0] = value;
  return copy;
}

export function fixtureTexts(tool: string): string[] {
  return readdirSync(path.join(fixturesDir, tool))
    .filter((f) => !f.endsWith('.md'))
    .map((f) => fixture(tool, f));
}

/** A real output, damaged: truncated, a value replaced, or both. */
export function mutatedOutput(texts: string[]): fc.Arbitrary<string> {
  return fc
    .record({
      index: fc.nat({ max: texts.length - 1 }),
      pathIndex: fc.nat(),
      value: replacement,
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    })
    .map(({ index, pathIndex, value, cut }) => {
      const text = texts[index] ?? '';
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return text.slice(0, Math.floor(text.length * (cut ?? 1)));
      }
      const paths = pathsOf(json);
      const mutated = JSON.stringify(replaceAt(json, paths[pathIndex % paths.length] ?? [], value));
      return cut === undefined ? mutated : mutated.slice(0, Math.floor(mutated.length * cut));
    });
}
