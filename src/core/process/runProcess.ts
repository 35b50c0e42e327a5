import { execFile, spawn } from 'node:child_process';
import { CancelledError } from '../errors/cancelledError';
import type { Logger } from '../logging/logger';
import { ExecutableNotFoundError, OutputLimitError, ProcessTimeoutError } from './processErrors';

export const DEFAULT_MAX_STDOUT_BYTES = 256 * 1024 * 1024;
const STDERR_TAIL_BYTES = 16 * 1024;

export interface ProcessRequest {
  executable: string;
  args: readonly string[];
  cwd: string;
  /** The whole environment of the child. Secrets go here, never into `args`. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** stdout past this many bytes stops the process with an OutputLimitError. */
  maxStdoutBytes?: number;
  /** Each chunk of output as it arrives (for streaming it to a person), besides collecting it. */
  onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  logger: Logger;
}

export interface ProcessOutcome {
  exitCode: number;
  stdout: string;
  /** The last few kilobytes of stderr, for an error message. Every line also went to logger.debug. */
  stderrTail: string;
  durationMs: number;
  startTime: Date;
  endTime: Date;
}

/**
 * Runs one executable with an argument array and no shell, and collects its output.
 * The child leads its own process group, so a timeout, an abort or an output overflow kills
 * the whole tree, grandchildren included. A non-zero exit code is not an error here: what it
 * means is the caller's (scanner's) business.
 */
export function runProcess(request: ProcessRequest): Promise<ProcessOutcome> {
  const { executable, args, logger } = request;
  const maxStdoutBytes = request.maxStdoutBytes ?? DEFAULT_MAX_STDOUT_BYTES;
  if (request.signal?.aborted === true) {
    return Promise.reject(new CancelledError(`${executable} was cancelled before it started`));
  }
  const startTime = new Date();
  const started = process.hrtime.bigint();
  const isWindows = process.platform === 'win32';

  return new Promise<ProcessOutcome>((resolve, reject) => {
    const child = spawn(executable, [...args], {
      cwd: request.cwd,
      env: request.env ?? process.env,
      shell: false,
      detached: !isWindows,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrTail = '';
    let stderrPartial = '';
    let failure: Error | undefined;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const killTree = (): void => {
      const pid = child.pid;
      if (pid === undefined) {
        return;
      }
      if (isWindows) {
        execFile(
          'taskkill',
          ['/pid', String(pid), '/T', '/F'],
          { windowsHide: true },
          () => undefined,
        );
        return;
      }
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };

    const stop = (error: Error): void => {
      if (failure === undefined) {
        failure = error;
        killTree();
      }
    };

    const onAbort = (): void => {
      logger.debug(`Cancelling ${executable}`);
      stop(new CancelledError(`${executable} was cancelled`));
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.timeoutMs !== undefined && request.timeoutMs > 0) {
      const timeoutMs = request.timeoutMs;
      timer = setTimeout(() => {
        logger.debug(`${executable} timed out after ${timeoutMs} ms`);
        stop(new ProcessTimeoutError(executable, timeoutMs));
      }, timeoutMs);
    }

    const cleanUp = (): void => {
      if (timer !== undefined) {
        clearTimeout(timer);
      }
      request.signal?.removeEventListener('abort', onAbort);
    };

    child.stdout.on('data', (chunk: Buffer) => {
      if (failure !== undefined) {
        return;
      }
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdoutBytes) {
        stdoutChunks.length = 0;
        stop(new OutputLimitError(executable, maxStdoutBytes));
        return;
      }
      stdoutChunks.push(chunk);
      request.onOutput?.(chunk.toString('utf8'), 'stdout');
    });

    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      request.onOutput?.(text, 'stderr');
      stderrTail = (stderrTail + text).slice(-STDERR_TAIL_BYTES);
      const lines = (stderrPartial + text).split(/\r?\n/);
      stderrPartial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() !== '') {
          logger.debug(`[${executable}] ${line}`);
        }
      }
    });

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) {
        return;
      }
      settled = true;
      cleanUp();
      if (error.code === 'ENOENT' || error.code === 'EACCES') {
        reject(new ExecutableNotFoundError(executable, `it could not be started (${error.code}).`));
      } else {
        reject(error);
      }
    });

    child.on('close', (code, signal) => {
      if (settled) {
        return;
      }
      settled = true;
      cleanUp();
      if (stderrPartial.trim() !== '') {
        logger.debug(`[${executable}] ${stderrPartial}`);
      }
      if (failure !== undefined) {
        reject(failure);
        return;
      }
      const endTime = new Date();
      resolve({
        // A process killed by a signal has no exit code; report it the way a shell would.
        exitCode: code ?? 128 + signalNumber(signal),
        stdout: Buffer.concat(stdoutChunks).toString('utf8'),
        stderrTail,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        startTime,
        endTime,
      });
    });
  });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGKILL: 9, SIGTERM: 15, SIGINT: 2 };
  return (signal === null ? undefined : numbers[signal]) ?? 1;
}
