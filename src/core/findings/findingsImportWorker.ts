/**
 * Worker-thread entry: reads SARIF files off the extension host's main thread, one import at a
 * time, then parses, normalises and maps each to findings one chunk at a time
 * (findingsInChunks.ts), posting each chunk in a compact form (findingsWireFormat.ts) when the
 * host asks for it. The host decodes one chunk while the worker prepares the next, and no single
 * turn of its event loop takes long. The worker waits for the next import when one is done (the
 * host keeps it for a while: see FindingsImportWorkers). Built to dist/findingsImportWorker.js.
 */
import { readFileSync } from 'node:fs';
import { type MessagePort, parentPort } from 'node:worker_threads';
import { findingsInChunks } from './findingsInChunks';
import type { WorkerCommand, WorkerReply, WorkerRequest } from './findingsImportProtocol';
import { encodeFindings } from './findingsWireFormat';

/** Small enough that decoding one chunk never blocks the extension host for long. */
const chunkSize = 1000;

interface Running {
  /** The encoded chunks still to send, the next one encoded ahead. */
  readonly chunks: Generator<string>;
  ready: IteratorResult<string>;
  readonly finish: () => WorkerReply;
}

/** Answers the extension host's commands on `port`, one import at a time. */
function serve(port: MessagePort): void {
  let running: Running | undefined;

  function start(request: WorkerRequest): Running {
    // The bytes, not a decoded string: the log is parsed a slice at a time from them
    // (sarifResultSlices.ts). Synchronous: this thread has nothing else to do meanwhile.
    const bytes = readFileSync(request.file);
    const imported = findingsInChunks(bytes, request.root, request.file, chunkSize);
    let total = 0;
    const chunks = (function* (): Generator<string> {
      for (const chunk of imported.chunks) {
        total += chunk.length;
        yield encodeFindings(chunk);
      }
    })();
    return {
      chunks,
      ready: chunks.next(),
      finish: () => ({ kind: 'done', total, problems: imported.problems().slice(0, 50) }),
    };
  }

  /** Sends the chunk encoded ahead and encodes the next one, or answers done. */
  function send(current: Running): void {
    if (current.ready.done === true) {
      running = undefined;
      port.postMessage(current.finish());
      return;
    }
    const reply: WorkerReply = { kind: 'findings', chunk: current.ready.value };
    port.postMessage(reply);
    // Encoded while the host decodes the one just sent; sent when the host asks for it.
    current.ready = current.chunks.next();
  }

  port.on('message', (command: WorkerCommand) => {
    try {
      if (command.kind === 'import') {
        running = start(command.request);
        send(running);
      } else if (running !== undefined) {
        send(running);
      }
    } catch (error) {
      running = undefined;
      const failed: WorkerReply = {
        kind: 'error',
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(failed);
    }
  });
}

if (parentPort !== null) serve(parentPort);
