/**
 * Worker-thread entry: reads and normalises one SARIF file and maps it to findings off the
 * extension host's main thread, then posts them back in chunks so that no single message takes
 * long to receive. Built to dist/findingsImportWorker.js.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { importFindings } from './importFindings';
import type { Finding } from './finding';
import type { WorkerReply, WorkerRequest } from './findingsImportProtocol';

/** Small enough that receiving one chunk never blocks the extension host for long. */
const chunkSize = 2000;

/**
 * Findings cross the thread boundary by structured clone. The full SARIF result would double
 * what is copied; the editor needs only what the finding already holds, so the result sent
 * along is cut down to its rule and message.
 */
function slim(finding: Finding): Finding {
  const { ruleId, message } = finding.result;
  return { ...finding, result: { ...(ruleId === undefined ? {} : { ruleId }), message } };
}

async function main(request: WorkerRequest): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  try {
    const text = await readFile(request.file, 'utf8');
    const imported = importFindings(text, request.root, request.file);
    for (let i = 0; i < imported.findings.length; i += chunkSize) {
      const reply: WorkerReply = {
        kind: 'findings',
        findings: imported.findings.slice(i, i + chunkSize).map(slim),
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
