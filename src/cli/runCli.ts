import { describeError } from '../core/logging/describeError';
import { isCancelled } from '../core/errors/cancelledError';
import { Redactor } from '../core/redaction/redactor';
import packageJson from '../../package.json';
import type { CliIo } from './cliIo';
import { CLI_USAGE } from './cliUsage';
import { registerEnvironmentSecrets } from './environmentSecrets';
import { CliUsageError } from './cliUsageError';
import { EXIT_OK, EXIT_UNUSABLE } from './exitCodes';
import { importCommand } from './importCommand';
import { newCommand } from './newCommand';
import { scanCommand } from './scanCommand';
import { createStderrLogger, type Verbosity } from './stderrLogger';

export interface CliEnvironment {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
}

/** Runs `openpypi` with `args` (without the node and script paths) and returns the exit code. */
export async function runCli(
  args: readonly string[],
  environment: CliEnvironment,
): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? environment.stderr : environment.stdout)(CLI_USAGE);
    return command === undefined ? EXIT_UNUSABLE : EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    environment.stdout(`${packageJson.version}\n`);
    return EXIT_OK;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    environment.stdout(CLI_USAGE);
    return EXIT_OK;
  }
  const redactor = new Redactor();
  registerEnvironmentSecrets(redactor, environment.env);
  const verbosity: Verbosity = rest.includes('--verbose')
    ? 'verbose'
    : rest.includes('--quiet')
      ? 'quiet'
      : 'normal';
  const io: CliIo = {
    ...environment,
    redactor,
    logger: createStderrLogger(environment.stderr, redactor, verbosity),
  };
  try {
    switch (command) {
      case 'scan':
        return await scanCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'new':
        return await newCommand(rest, io);
      default:
        throw new CliUsageError(`Unknown command "${command}". Commands: scan, import, new.`);
    }
  } catch (error) {
    if (error instanceof CliUsageError || isUsageErrorOfParseArgs(error)) {
      environment.stderr(
        `openpypi: ${redactor.redact(describeError(error))}\nRun "openpypi --help" for usage.\n`,
      );
      return EXIT_UNUSABLE;
    }
    if (isCancelled(error)) {
      environment.stderr('openpypi: cancelled\n');
      return EXIT_UNUSABLE;
    }
    io.logger.error('Failed', error);
    return EXIT_UNUSABLE;
  }
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for bad options. */
function isUsageErrorOfParseArgs(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) {
    return false;
  }
  return typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
}
