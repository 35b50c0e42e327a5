import { Worker } from 'node:worker_threads';
import { CancelledError } from '../errors/cancelledError';
import type { ImportProblem } from '../sarif/importProblem';
import type { Finding } from './finding';
import type { WorkerPull, WorkerReply, WorkerRequest } from './findingsImportProtocol';
import { decodeFindings } from './findingsWireFormat';

export interface WorkerImport {
  readonly findings: Finding[];
  readonly problems: ImportProblem[];
}

/**
 * Imports a SARIF file in a worker thread (`workerScript` is the built findingsImportWorker.js),
 * so parsing a log of 100,000 results never blocks the caller's event loop for long.
 */
export function importFindingsInWorker(
  workerScript: string,
  request: WorkerRequest,
  signal?: AbortSignal,
): Promise<WorkerImport> {
  return new Promise<WorkerImport>((resolve, reject) => {
    const worker = new Worker(workerScript, { workerData: request });
    const findings: Finding[] = [];
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => {
      finish(() => {
        reject(new CancelledError());
      });
    };
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (reply: WorkerReply) => {
      switch (reply.kind) {
        case 'findings': {
          for (const finding of decodeFindings(reply.chunk)) findings.push(finding);
          const pull: WorkerPull = { kind: 'next' };
          worker.postMessage(pull);
          break;
        }
        case 'done':
          finish(() => {
            resolve({ findings, problems: reply.problems });
          });
          break;
        case 'error':
          finish(() => {
            // The class does not cross the thread; its name does (isUserError reads names).
            const error = new Error(reply.message);
            error.name = reply.name;
            reject(error);
          });
          break;
      }
    });
    worker.on('error', (error) => {
      finish(() => {
        reject(error);
      });
    });
    worker.on('exit', (code) => {
      finish(() => {
        reject(
          new Error(`The SARIF import worker stopped (exit code ${code}) before it finished.`),
        );
      });
    });
  });
}
