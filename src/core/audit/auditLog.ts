import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/logger';
import type { Redactor } from '../redaction/redactor';
import type { AuditEvent, AuditRecorder } from './auditEvent';

export interface AuditLogOptions {
  /** The JSON-lines file, e.g. <globalStorage>/audit.jsonl. */
  readonly file: string;
  readonly redactor: Redactor;
  /** Each record is echoed here at info level. */
  readonly logger: Logger;
  /** Rotate before the file would grow past this many bytes. */
  readonly maxBytes?: number;
  /** Rotated files kept: audit.jsonl.1 (newest) … audit.jsonl.N. */
  readonly keep?: number;
  readonly now?: () => Date;
}

export const defaultAuditMaxBytes = 1024 * 1024;
export const defaultAuditKeep = 3;

/**
 * The append-only audit log: one JSON object per line, redacted as a whole before it is
 * written, rotated at a size limit, echoed to the log channel. Appends are serialised, so
 * records from concurrent callers never interleave. A failed write is logged, not thrown:
 * the action being audited has already happened.
 */
export class AuditLog implements AuditRecorder {
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;
  private queue: Promise<void> = Promise.resolve();
  private size: number | undefined;

  constructor(private readonly options: AuditLogOptions) {
    this.maxBytes = options.maxBytes ?? defaultAuditMaxBytes;
    this.keep = Math.max(1, options.keep ?? defaultAuditKeep);
    this.now = options.now ?? (() => new Date());
  }

  get file(): string {
    return this.options.file;
  }

  record(event: AuditEvent): Promise<void> {
    const line = `${this.options.redactor.redact(JSON.stringify({ time: this.now().toISOString(), ...event }))}\n`;
    this.options.logger.info(`audit ${line.trimEnd()}`);
    const write = this.queue.then(() => this.append(line));
    this.queue = write.catch((error: unknown) => {
      this.size = undefined;
      this.options.logger.error(`Writing the audit log ${this.options.file} failed`, error);
    });
    return this.queue;
  }

  /** Resolves once every record so far is on disk. */
  flush(): Promise<void> {
    return this.queue;
  }

  /** The current file's records, oldest first (for tests and the "Show Audit Log" view). */
  async read(): Promise<string> {
    await this.flush();
    try {
      return await readFile(this.options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  }

  private async append(line: string): Promise<void> {
    const bytes = Buffer.byteLength(line);
    if (this.size === undefined) {
      await mkdir(path.dirname(this.options.file), { recursive: true });
      this.size = await stat(this.options.file).then(
        (s) => s.size,
        () => 0,
      );
    }
    if (this.size > 0 && this.size + bytes > this.maxBytes) {
      await this.rotate();
      this.size = 0;
    }
    await appendFile(this.options.file, line, { encoding: 'utf8', mode: 0o600 });
    this.size += bytes;
  }

  private async rotate(): Promise<void> {
    const file = this.options.file;
    await rm(`${file}.${this.keep}`, { force: true });
    for (let index = this.keep - 1; index >= 1; index--) {
      await rename(`${file}.${index}`, `${file}.${index + 1}`).catch(() => undefined);
    }
    await rename(file, `${file}.1`);
  }
}
