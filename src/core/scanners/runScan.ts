import * as path from 'node:path';
import type { Invocation, Notification, Run } from 'sarif';
import { CancelledError, isCancelled } from '../errors/cancelledError';
import { describeError } from '../logging/describeError';
import type { Logger } from '../logging/logger';
import { findManifests } from '../manifests/findManifests';
import type { PackageLocator } from '../manifests/manifestIndex';
import { loadPackageLocator } from '../manifests/manifestIndex';
import { manifestKind } from '../manifests/manifestKind';
import { findExecutable } from '../process/findExecutable';
import {
  ExecutableNotFoundError,
  OutputLimitError,
  ProcessTimeoutError,
} from '../process/processErrors';
import type { ProcessOutcome } from '../process/runProcess';
import { runProcess } from '../process/runProcess';
import { Redactor } from '../redaction/redactor';
import { rootUri } from './artifactLocation';
import { RunBuilder } from './runBuilder';
import type { ParseContext, Scanner, ScanTarget } from './scanner';
import { scannerCatalog } from './scannerCatalog';
import { ScannerOutputError } from './scannerOutputError';
import type { ScanRegistry } from './scanRegistry';
import { defaultScanRegistry } from './scanRegistry';
import type { ToolId } from './toolId';
import { TOOL_IDS } from './toolId';
import type { ToolVersionCache } from './toolVersionCache';
import { defaultToolVersionCache } from './toolVersionCache';

export type { ToolId } from './toolId';

export interface ScanOptions {
  root: string;
  tools?: ToolId[];
  /** Relative paths: scan only these. */
  files?: string[];
  /** Executables from machine-scoped settings or CLI flags; they win over the environment and PATH. */
  executables?: Partial<Record<ToolId, string>>;
  /** A virtual environment folder whose bin/ (Scripts\) is searched before PATH. */
  pythonEnvironment?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  maxOutputBytes?: number;
  /** The tools' environment; tokens (SAFETY_API_KEY, ...) go here, never on the command line. */
  env?: NodeJS.ProcessEnv;
  logger: Logger;
  redactor?: Redactor;
  onProgress?: (tool: ToolId, state: 'started' | 'finished', outcome?: ToolOutcome) => void;
  /** Where concurrent runs meet; the process-wide registry by default. */
  registry?: ScanRegistry;
  versionCache?: ToolVersionCache;
}

export interface ToolOutcome {
  tool: ToolId;
  status: 'ok' | 'not-installed' | 'failed' | 'timed-out' | 'cancelled';
  message?: string;
  installHint?: string;
  durationMs: number;
  resultCount: number;
  executable?: string;
}

export interface ScanResult {
  runs: Run[];
  outcomes: ToolOutcome[];
}

interface ToolScan {
  run?: Run;
  outcome: ToolOutcome;
}

/**
 * Runs the requested scanners in parallel over a workspace and returns one SARIF run per tool
 * that ran, plus an outcome per tool. It never throws for a tool's sake: a missing tool is
 * `not-installed` with the command that installs it, a failing or timed-out tool still yields a
 * run with `executionSuccessful: false` and a notification, and the other tools' runs are kept.
 * A second request for the same tool, workspace and files joins the run already going.
 */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const root = path.resolve(options.root);
  const redactor = options.redactor ?? new Redactor();
  const registry = options.registry ?? defaultScanRegistry;
  const tools = [...new Set(options.tools ?? TOOL_IDS)];
  const files =
    options.files === undefined ? undefined : insideFiles(root, options.files, options.logger);
  let manifests: Promise<string[]> | undefined;
  const workspaceManifests = (): Promise<string[]> => (manifests ??= findManifests(root));
  const locators = new Map<string, Promise<PackageLocator>>();
  const locatorFor = (list: readonly string[]): Promise<PackageLocator> => {
    const key = list.join('\0');
    let locator = locators.get(key);
    if (locator === undefined) {
      locator = loadPackageLocator(root, list, options.logger);
      locators.set(key, locator);
    }
    return locator;
  };

  const scans = tools.map(async (tool): Promise<ToolScan> => {
    options.onProgress?.(tool, 'started');
    const key = [tool, root, files === undefined ? '*' : [...files].sort().join('\0')].join(
      '\u0001',
    );
    const { promise } = registry.join(key, () =>
      scanWithTool(scannerCatalog[tool], {
        ...options,
        root,
        files,
        redactor,
        workspaceManifests,
        locatorFor,
      }),
    );
    const scan = await promise;
    options.onProgress?.(tool, 'finished', scan.outcome);
    return scan;
  });
  const done = await Promise.all(scans);
  return {
    runs: done.flatMap((scan) => (scan.run === undefined ? [] : [scan.run])),
    outcomes: done.map((scan) => scan.outcome),
  };
}

interface ToolScanOptions extends ScanOptions {
  root: string;
  files: string[] | undefined;
  redactor: Redactor;
  workspaceManifests: () => Promise<string[]>;
  locatorFor: (manifests: readonly string[]) => Promise<PackageLocator>;
}

/** Relative posix paths inside the root; anything else is dropped with a warning. */
function insideFiles(root: string, files: readonly string[], logger: Logger): string[] {
  const out: string[] = [];
  for (const file of files) {
    const relative = path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) {
      logger.warn(`Not scanning ${file}: it is outside the workspace ${root}.`);
      continue;
    }
    out.push(relative);
  }
  return out;
}

async function scanWithTool(scanner: Scanner, options: ToolScanOptions): Promise<ToolScan> {
  const started = Date.now();
  const { logger, root } = options;
  const outcome = (
    status: ToolOutcome['status'],
    extra: Partial<ToolOutcome> = {},
  ): ToolOutcome => ({
    tool: scanner.id,
    status,
    durationMs: Date.now() - started,
    resultCount: 0,
    ...extra,
  });

  let executable: string | undefined;
  try {
    if (options.signal?.aborted === true) {
      throw new CancelledError();
    }
    executable = await findExecutable({
      name: scanner.executableName,
      explicitPath: options.executables?.[scanner.id],
      pythonEnvironment: options.pythonEnvironment,
      env: options.env ?? process.env,
    });
  } catch (error) {
    if (isCancelled(error)) {
      return {
        outcome: outcome('cancelled', { message: `${scanner.displayName} was cancelled.` }),
      };
    }
    return {
      outcome: outcome('not-installed', {
        message: describeError(error),
        installHint: scanner.installHint,
      }),
    };
  }
  if (executable === undefined) {
    const where =
      options.pythonEnvironment === undefined
        ? 'on PATH'
        : `in ${options.pythonEnvironment} or on PATH`;
    return {
      outcome: outcome('not-installed', {
        message: `${scanner.displayName} is not installed: no ${scanner.executableName} ${where}. Install it with: ${scanner.installHint}`,
        installHint: scanner.installHint,
      }),
    };
  }

  const version = await (options.versionCache ?? defaultToolVersionCache).version({
    scanner,
    executable,
    cwd: root,
    env: options.env,
    logger,
  });
  // Bandit reads source files only: it needs neither the manifest search nor the package locator.
  const manifests = scanner.readsManifests ? await options.workspaceManifests() : [];
  const target: ScanTarget = {
    root,
    manifests,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  const args =
    options.files === undefined
      ? scanner.argsForWorkspace(target)
      : scanner.argsForFiles(target, options.files);
  if (args === undefined) {
    return {
      outcome: outcome('ok', {
        executable,
        message:
          options.files === undefined
            ? `${scanner.displayName} had nothing to scan: the workspace has no manifest it reads.`
            : `${scanner.displayName} had nothing to scan among the files given.`,
      }),
    };
  }

  const audited = args.filter((arg) => manifestKind(arg) !== undefined || arg === '.');
  const auditedManifests =
    audited.includes('.') && scanner.id === 'pip-audit'
      ? ['pyproject.toml']
      : audited.filter((a) => a !== '.');
  const context: ParseContext = {
    root,
    ...(version === undefined ? {} : { toolVersion: version }),
    auditedManifests,
    ...(scanner.readsManifests
      ? {
          locator: await options.locatorFor(
            auditedManifests.length > 0 ? [...auditedManifests, ...manifests] : manifests,
          ),
        }
      : {}),
  };
  const commandLine = options.redactor.redact([executable, ...args].map(quoteArgument).join(' '));
  const invocationBase = {
    commandLine,
    arguments: args.map((a) => options.redactor.redact(a)),
    workingDirectory: { uri: rootUri(root) },
  };
  logger.info(`Running ${commandLine}`);

  let processOutcome: ProcessOutcome;
  const startTime = new Date();
  try {
    processOutcome = await runProcess({
      executable,
      args,
      cwd: root,
      env: options.env,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      maxStdoutBytes: options.maxOutputBytes,
      logger,
    });
  } catch (error) {
    const endTime = new Date();
    const message = options.redactor.redact(describeError(error));
    const failedRun = (): Run =>
      emptyRun(scanner, version, root, {
        ...invocationBase,
        executionSuccessful: false,
        startTimeUtc: startTime.toISOString(),
        endTimeUtc: endTime.toISOString(),
        toolExecutionNotifications: [{ level: 'error', message: { text: message } }],
      });
    if (isCancelled(error)) {
      return { outcome: outcome('cancelled', { executable, message }) };
    }
    if (error instanceof ExecutableNotFoundError) {
      return {
        outcome: outcome('not-installed', {
          executable,
          message,
          installHint: scanner.installHint,
        }),
      };
    }
    logger.warn(message);
    const status = error instanceof ProcessTimeoutError ? 'timed-out' : 'failed';
    if (!(error instanceof OutputLimitError) && !(error instanceof ProcessTimeoutError)) {
      logger.error(`${scanner.displayName} could not be run`, error);
    }
    return { run: failedRun(), outcome: outcome(status, { executable, message }) };
  }

  const meaning = scanner.exitCodeMeaning(processOutcome.exitCode);
  const notifications: Notification[] = [];
  let run: Run;
  let parseFailed = false;
  try {
    run = scanner.parse(processOutcome.stdout, context);
  } catch (error) {
    parseFailed = true;
    if (!(error instanceof ScannerOutputError)) {
      logger.error(`The ${scanner.displayName} parser failed unexpectedly`, error);
    }
    const text =
      error instanceof ScannerOutputError
        ? error.message
        : `${scanner.displayName} output could not be read: ${describeError(error)}`;
    if (meaning !== 'error') {
      notifications.push({ level: 'error', message: { text: options.redactor.redact(text) } });
    }
    run = emptyRun(scanner, version, root);
  }
  const failed = meaning === 'error' || parseFailed;
  let message: string | undefined;
  if (meaning === 'error') {
    const stderr = lastLines(processOutcome.stderrTail, 5);
    message = options.redactor.redact(
      `${scanner.displayName} failed with exit code ${processOutcome.exitCode}${stderr === '' ? ' and printed no error' : `: ${stderr}`}`,
    );
    notifications.push({ level: 'error', message: { text: message } });
  } else if (parseFailed) {
    // An empty or garbled stdout usually has its reason on stderr: say it.
    const stderr = lastLines(processOutcome.stderrTail, 5);
    message = options.redactor.redact(
      `${notifications[0]?.message.text ?? ''}${stderr === '' ? '' : ` The tool said: ${stderr}`}`,
    );
    const first = notifications[0];
    if (first !== undefined) {
      first.message.text = message;
    }
  }
  redactResultTexts(run, options.redactor);
  if (options.files !== undefined && scanner.id === 'trivy') {
    keepResultsIn(run, options.files);
  }
  const parsedInvocation = run.invocations?.[0];
  const invocation: Invocation = {
    ...invocationBase,
    executionSuccessful: !failed,
    exitCode: processOutcome.exitCode,
    startTimeUtc: processOutcome.startTime.toISOString(),
    endTimeUtc: processOutcome.endTime.toISOString(),
    toolExecutionNotifications: [
      ...(parsedInvocation?.toolExecutionNotifications ?? []),
      ...notifications,
    ].map((n) => ({
      ...n,
      message: { ...n.message, text: options.redactor.redact(n.message.text ?? '') },
    })),
  };
  run.invocations = [invocation];
  const resultCount = run.results?.length ?? 0;
  logger.info(
    `${scanner.displayName} finished: exit code ${processOutcome.exitCode}, ${resultCount} result(s).`,
  );
  return {
    run,
    outcome: outcome(failed ? 'failed' : 'ok', {
      executable,
      resultCount,
      ...(message === undefined ? {} : { message }),
    }),
  };
}

function emptyRun(
  scanner: Scanner,
  version: string | undefined,
  root: string,
  invocation?: Invocation,
): Run {
  const run = new RunBuilder(
    { name: scanner.displayName, version, informationUri: scanner.informationUri },
    root,
  ).build();
  if (invocation !== undefined) {
    run.invocations = [invocation];
  }
  return run;
}

/** With several files, `trivy fs` scans the workspace: keep only the results in the files asked for. */
function keepResultsIn(run: Run, files: readonly string[]): void {
  const wanted = new Set(files);
  run.results = run.results?.filter((result) =>
    result.locations?.some((l) => {
      const uri = l.physicalLocation?.artifactLocation?.uri;
      return uri !== undefined && wanted.has(decodeURIComponent(uri));
    }),
  );
}

/** Tool text can quote a credential (a snippet of the line that holds it): the redactor sees it first. */
function redactResultTexts(run: Run, redactor: Redactor): void {
  for (const result of run.results ?? []) {
    if (result.message.text !== undefined) {
      result.message.text = redactor.redact(result.message.text);
    }
    for (const location of result.locations ?? []) {
      const snippet = location.physicalLocation?.region?.snippet;
      if (snippet?.text !== undefined) {
        snippet.text = redactor.redact(snippet.text);
      }
    }
  }
}

function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join('\n').trim();
}

/** Quotes an argument for a readable command line (never executed: processes get the array). */
function quoteArgument(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
