/**
 * Worker-thread entry: reads and normalises one SARIF file and maps it to findings off the
 * extension host's main thread, then posts them back in compact chunks (findingsWireFormat.ts),
 * one each time the host asks, so that no single turn of the host's event loop takes long.
 * Built to dist/findingsImportWorker.js.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { importFindings } from './importFindings';
import type { WorkerReply, WorkerRequest } from './findingsImportProtocol';
import { encodeFindings } from './findingsWireFormat';

/** Small enough that decoding one chunk never blocks the extension host for long. */
const chunkSize = 1000;

async function main(request: WorkerRequest): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  try {
    const text = await readFile(request.file, 'utf8');
    const imported = importFindings(text, request.root, request.file);
    const chunks = function* (): Generator<string> {
      for (let i = 0; i < imported.findings.length; i += chunkSize)
        yield encodeFindings(imported.findings.slice(i, i + chunkSize));
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
      total: imported.findings.length,
      problems: imported.problems.slice(0, 50),
    };
    port.postMessage(done);
  } catch (error) {
    const failed: WorkerReply = {
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
    };
    port.postMessage(failed);
  }
}

void main(workerData as WorkerRequest);
