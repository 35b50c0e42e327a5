import type { Worker } from 'node:worker_threads';
import { CancelledError } from '../errors/cancelledError';
import type { ImportProblem } from '../sarif/importProblem';
import type { Finding } from './finding';
import type { WorkerCommand, WorkerReply, WorkerRequest } from './findingsImportProtocol';
import { decodeFindings } from './findingsWireFormat';

export interface WorkerImport {
  readonly findings: Finding[];
  readonly problems: ImportProblem[];
}

/** How long a worker that finished an import waits for the next one before it stops. */
const keepIdleMs = 30_000;

/**
 * Imports SARIF files in worker threads (`workerScript` is the built findingsImportWorker.js), so
 * parsing a log of 100,000 results never blocks the caller's event loop for long.
 *
 * A worker that has finished an import is kept for 30 s and takes the next one: several files
 * imported together, or a log another tool rewrites while it is watched, do not start a thread
 * again, and the worker's memory is already there. Starting one costs a thread with its own
 * Node.js, and touching its memory afresh about 24,000 pages for 100,000 results (on the 2-core
 * VM of the benchmarks, where a page touched afresh costs about 12 µs). An idle worker does not
 * keep the process alive; `dispose` stops it.
 */
export class FindingsImportWorkers {
  private idle: { readonly worker: Worker; readonly stop: () => void } | undefined;
  private disposed = false;
  private started = 0;
  private alive = 0;

  constructor(
    private readonly workerScript: string,
    private readonly idleMs = keepIdleMs,
  ) {}

  /**
   * Imports one file. `onFindings` sees each chunk of findings as it arrives, while the worker
   * reads the next: the caller can prepare what it will show of them instead of waiting for the
   * whole file. Aborting `signal` stops the worker and rejects with CancelledError.
   */
  async import(
    request: WorkerRequest,
    signal?: AbortSignal,
    onFindings?: (findings: readonly Finding[]) => void,
  ): Promise<WorkerImport> {
    // Loaded on the first import, not with the extension: the extension host does not load
    // node:worker_threads itself, and loading it takes 2.3 ms in a quiet Node 24.
    const { Worker } = await import('node:worker_threads');
    if (signal?.aborted === true) throw new CancelledError();
    const worker = this.takeIdle() ?? this.start(Worker);
    return new Promise<WorkerImport>((resolve, reject) => {
      const findings: Finding[] = [];
      let settled = false;
      /** `reusable`: the worker answered done or error and waits for the next import. */
      const finish = (reusable: boolean, outcome: () => void): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (reusable) this.keep(worker);
        else void worker.terminate();
        outcome();
      };
      const onAbort = (): void => {
        finish(false, () => {
          reject(new CancelledError());
        });
      };
      const onMessage = (reply: WorkerReply): void => {
        switch (reply.kind) {
          case 'findings': {
            const chunk = decodeFindings(reply.chunk);
            for (const finding of chunk) findings.push(finding);
            onFindings?.(chunk);
            // The next chunk is asked for once this turn of the event loop is over (the worker
            // has it encoded already and reads on meanwhile). Asked for at once, it came while
            // this one was prepared, and Node hands a port's waiting messages over in one turn:
            // chunk after chunk, the extension host's timers and I/O waited 70–130 ms.
            setImmediate(() => {
              if (settled) return;
              const pull: WorkerCommand = { kind: 'next' };
              worker.postMessage(pull);
            });
            break;
          }
          case 'done':
            finish(true, () => {
              resolve({ findings, problems: reply.problems });
            });
            break;
          case 'error':
            finish(true, () => {
              // The class does not cross the thread; its name does (isUserError reads names).
              const error = new Error(reply.message);
              error.name = reply.name;
              reject(error);
            });
            break;
        }
      };
      const onError = (error: Error): void => {
        finish(false, () => {
          reject(error);
        });
      };
      const onExit = (code: number): void => {
        finish(false, () => {
          reject(
            new Error(`The SARIF import worker stopped (exit code ${code}) before it finished.`),
          );
        });
      };
      signal?.addEventListener('abort', onAbort);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      const command: WorkerCommand = { kind: 'import', request };
      worker.postMessage(command);
    });
  }

  private start(WorkerThread: typeof Worker): Worker {
    const worker = new WorkerThread(this.workerScript, {
      // A young generation larger than V8's default: the parsed log and each chunk's objects are
      // collected in fewer, cheaper scavenges (on 100,000 results, 10 interleaved runs of the
      // worker alone: 1,246 → 1,194 ms, CPU 1,632 → 1,515 ms).
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    this.started += 1;
    this.alive += 1;
    worker.once('exit', () => {
      this.alive -= 1;
    });
    return worker;
  }

  /** How many worker threads this has started (to see that they are reused). */
  get workersStarted(): number {
    return this.started;
  }

  /** How many of them have not stopped yet. */
  get workersAlive(): number {
    return this.alive;
  }

  /** Stops the idle worker; a worker still importing stops when its import ends. */
  dispose(): void {
    this.disposed = true;
    this.takeIdle()
      ?.terminate()
      .catch(() => undefined);
  }

  private takeIdle(): Worker | undefined {
    const idle = this.idle;
    if (idle === undefined) return undefined;
    this.idle = undefined;
    idle.stop();
    return idle.worker;
  }

  /** Keeps a worker that waits for its next import, one at most, for `idleMs`. */
  private keep(worker: Worker): void {
    if (this.disposed || this.idle !== undefined) {
      void worker.terminate();
      return;
    }
    const forget = (): void => {
      if (this.idle?.worker === worker) this.takeIdle();
    };
    const timer = setTimeout(() => {
      forget();
      void worker.terminate();
    }, this.idleMs);
    timer.unref();
    // A worker that stops while idle (it should not) is simply not reused.
    worker.once('exit', forget);
    worker.unref();
    this.idle = {
      worker,
      stop: () => {
        clearTimeout(timer);
        worker.off('exit', forget);
      },
    };
  }
}
