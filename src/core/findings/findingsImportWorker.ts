/**
 * Worker-thread entry: reads and normalises one SARIF file and maps it to findings off the
 * extension host's main thread, then posts them back in chunks so that no single message takes
 * long to receive. Built to dist/findingsImportWorker.js.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { importFindings } from './importFindings';
import type { WorkerReply, WorkerRequest } from './findingsImportProtocol';

const chunkSize = 5000;

async function main(request: WorkerRequest): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  try {
    const text = await readFile(request.file, 'utf8');
    const imported = importFindings(text, request.root, request.file);
    for (let i = 0; i < imported.findings.length; i += chunkSize) {
      const reply: WorkerReply = {
        kind: 'findings',
        findings: imported.findings.slice(i, i + chunkSize),
      };
      port.postMessage(reply);
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
