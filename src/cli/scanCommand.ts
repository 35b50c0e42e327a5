import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runScan, type ToolId } from '../core/scanners/runScan';
import { cliCacheFolder, PersistentToolVersionCache } from './persistentToolVersionCache';
import type { CliIo } from './cliIo';
import { CliUsageError } from './cliUsageError';
import { EXIT_UNUSABLE } from './exitCodes';
import { reportOptionSpecs, reportTarget } from './reportOptions';
import { reportRuns } from './reportRuns';

const TOOLS: readonly ToolId[] = ['bandit', 'pip-audit', 'safety', 'trivy'];
const DEFAULT_TIMEOUT_SECONDS = 600;

/** `openpypi scan [DIR] [--tools LIST] [--sarif FILE] [--baseline FILE] [--fail-on LEVEL] [--timeout S] [--TOOL-path EXE]` */
export async function scanCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      ...reportOptionSpecs,
      tools: { type: 'string' },
      timeout: { type: 'string' },
      'python-env': { type: 'string' },
      'bandit-path': { type: 'string' },
      'pip-audit-path': { type: 'string' },
      'safety-path': { type: 'string' },
      'trivy-path': { type: 'string' },
    },
  });
  if (positionals.length > 1) {
    throw new CliUsageError(
      `scan takes one folder; got ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  const root = path.resolve(io.cwd, positionals[0] ?? '.');
  const isFolder = await stat(root).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    throw new CliUsageError(`${root} is not a folder to scan.`);
  }
  const tools = parseTools(values.tools);
  const target = reportTarget(values, root, io);
  const timeoutMs = parseTimeout(values.timeout) * 1000;
  const given: Record<ToolId, string | undefined> = {
    bandit: values['bandit-path'],
    'pip-audit': values['pip-audit-path'],
    safety: values['safety-path'],
    trivy: values['trivy-path'],
  };
  const executables: Partial<Record<ToolId, string>> = {};
  for (const tool of TOOLS) {
    const executable = given[tool];
    if (executable !== undefined) {
      executables[tool] = path.resolve(io.cwd, executable);
    }
  }

  const { runs, outcomes } = await runScan({
    root,
    tools,
    executables,
    pythonEnvironment:
      values['python-env'] === undefined ? undefined : path.resolve(io.cwd, values['python-env']),
    timeoutMs,
    signal: io.signal,
    env: io.env,
    logger: io.logger,
    redactor: io.redactor,
    versionCache: new PersistentToolVersionCache(
      path.join(cliCacheFolder(io.env), 'tool-versions.json'),
    ),
    onProgress: (tool, state, outcome) => {
      io.logger.info(
        state === 'started' ? `${tool}: started` : `${tool}: ${outcome?.status ?? 'finished'}`,
      );
    },
  });
  const failed = outcomes.filter((outcome) => outcome.status !== 'ok');
  // The summary table lists each tool that did not run, with its message and install hint.
  const code = await reportRuns(runs, { ...target, outcomes }, io);
  if (outcomes.length > 0 && failed.length === outcomes.length) {
    io.stderr('Every requested tool failed; see above for why and how to install them.\n');
    return EXIT_UNUSABLE;
  }
  return code;
}

function parseTools(value: string | undefined): ToolId[] {
  if (value === undefined) {
    return [...TOOLS];
  }
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(TOOLS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new CliUsageError(
      `--tools takes a comma-separated list of ${TOOLS.join(', ')}; ${
        unknown.length > 0 ? `unknown: ${unknown.join(', ')}` : 'got none'
      }.`,
    );
  }
  return [...new Set(names)] as ToolId[];
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined) {
    return DEFAULT_TIMEOUT_SECONDS;
  }
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new CliUsageError(`--timeout takes a positive number of seconds; got "${value}".`);
  }
  return seconds;
}
