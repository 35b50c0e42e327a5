import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Log } from 'sarif';

/** Where a scan's log goes, relative to the workspace root, unless told otherwise. */
export const DEFAULT_REPORT_PATH = '.openpypi/reports/openpypi.sarif';

/** Results serialised per write; bounds the memory a large log needs while it is written. */
const RESULTS_PER_CHUNK = 500;

/** The report path for `root`: `target` (relative to `root` when not absolute) or the default. */
export function reportPath(root: string, target?: string): string {
  return path.resolve(root, target ?? DEFAULT_REPORT_PATH);
}

/**
 * Writes `log` to `file` atomically: the JSON goes to a temporary file in the same folder, which
 * then replaces `file` in one rename, so a reader never sees half a log. Creates the folders.
 * The JSON is compact and streamed run by run and result by result, so a log of 100,000
 * results never exists as one string.
 */
export async function writeSarifLog(file: string, log: Log): Promise<string> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    const stream = createWriteStream(temporary, { encoding: 'utf8' });
    const finished = new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.once('finish', resolve);
    });
    await writeLog(stream, log);
    stream.end();
    await finished;
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}

async function writeLog(stream: Writable, log: Log): Promise<void> {
  const { runs, ...header } = log;
  const headerJson = JSON.stringify(header);
  await put(stream, `${headerJson.slice(0, -1)}${headerJson.length > 2 ? ',' : ''}"runs":[`);
  for (const [runIndex, run] of runs.entries()) {
    const { results, ...rest } = run;
    const restJson = JSON.stringify(rest);
    await put(stream, runIndex === 0 ? '' : ',');
    if (results === undefined) {
      await put(stream, restJson);
      continue;
    }
    await put(stream, `${restJson.slice(0, -1)}${restJson.length > 2 ? ',' : ''}"results":[`);
    for (let start = 0; start < results.length; start += RESULTS_PER_CHUNK) {
      // One array stringified, its brackets dropped: the results joined by commas.
      const chunk = JSON.stringify(results.slice(start, start + RESULTS_PER_CHUNK)).slice(1, -1);
      await put(stream, start === 0 ? chunk : `,${chunk}`);
    }
    await put(stream, ']}');
  }
  await put(stream, ']}\n');
}

/** Writes `text`, waiting for the stream to drain when its buffer is full. */
async function put(stream: Writable, text: string): Promise<void> {
  if (text === '' || stream.write(text)) {
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => {
      stream.off('drain', onDrain);
      reject(error);
    };
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
