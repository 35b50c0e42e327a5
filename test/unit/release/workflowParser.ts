// GitHub's own workflow parser (@actions/workflow-parser), loaded once for the unit tests that
// check workflow files: this repository's (workflows.test.ts) and generated projects'.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as WorkflowParser from '@actions/workflow-parser';
import { buildSync } from 'esbuild';

const root = path.resolve(__dirname, '../../..');

let parser: typeof WorkflowParser | undefined;

/**
 * @actions/workflow-parser imports its JSON schema without an import attribute, which bundlers
 * accept and Node does not: it is bundled once with esbuild, as an application would bundle it.
 */
function loadParser(): typeof WorkflowParser {
  parser ??= (() => {
    const folder = mkdtempSync(path.join(tmpdir(), 'openpypi-workflow-parser-'));
    try {
      const outfile = path.join(folder, 'workflowParser.cjs');
      buildSync({
        entryPoints: [path.join(root, 'node_modules/@actions/workflow-parser/dist/index.js')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile,
        logLevel: 'warning',
      });
      return createRequire(__filename)(outfile) as typeof WorkflowParser;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  })();
  return parser;
}

/** The parser's error messages for one workflow file (none: it is valid). */
export function parserErrors(name: string, content: string): string[] {
  const { parseWorkflow, NoOperationTraceWriter } = loadParser();
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}
