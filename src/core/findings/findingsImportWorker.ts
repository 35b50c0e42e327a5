/**
 * Worker-thread entry: reads one SARIF file off the extension host's main thread, then parses,
 * normalises and maps it to findings one chunk at a time (findingsInChunks.ts), posting each
 * chunk in a compact form (findingsWireFormat.ts) when the host asks for it. The host decodes one
 * chunk while the worker prepares the next, and no single turn of its event loop takes long.
 * Built to dist/findingsImportWorker.js.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { findingsInChunks } from './findingsInChunks';
import type { WorkerReply, WorkerRequest } from './findingsImportProtocol';
import { encodeFindings } from './findingsWireFormat';

/** Small enough that decoding one chunk never blocks the extension host for long. */
const chunkSize = 1000;

async function main(request: WorkerRequest): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  try {
    // The bytes, not a decoded string: the log is parsed a slice at a time from them
    // (sarifResultSlices.ts). Synchronous: this thread has nothing else to do meanwhile.
    const bytes = readFileSync(request.file);
    const imported = findingsInChunks(bytes, request.root, request.file, chunkSize);
    let total = 0;
    const chunks = function* (): Generator<string> {
      for (const chunk of imported.chunks) {
        total += chunk.length;
        yield encodeFindings(chunk);
      }
    };
    const pending = chunks();
    // The next chunk is encoded while the host decodes the one before; it is sent when the host
    // asks for it, so the host never receives a backlog in one stretch.
    let ready = pending.next();
    if (ready.done !== true) {
      await new Promise<void>((resolve) => {
        const send = (): void => {
          if (ready.done === true) {
            port.off('message', onPull);
            resolve();
            return;
          }
          const reply: WorkerReply = { kind: 'findings', chunk: ready.value };
          port.postMessage(reply);
          ready = pending.next();
        };
        // The only message the host sends is a WorkerPull.
        const onPull = (): void => {
          send();
        };
        port.on('message', onPull);
        send();
      });
    }
    const done: WorkerReply = {
      kind: 'done',
      total,
      problems: imported.problems().slice(0, 50),
    };
    port.postMessage(done);
  } catch (error) {
    const failed: WorkerReply = {
      kind: 'error',
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    };
    port.postMessage(failed);
  }
}

void main(workerData as WorkerRequest);
