import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditLog } from '../../../../src/core/audit/auditLog';
import type { Logger } from '../../../../src/core/logging/logger';
import { Redactor } from '../../../../src/core/redaction/redactor';

function recordingLogger(lines: string[]): Logger {
  return {
    error: (message) => lines.push(`error ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    info: (message) => lines.push(`info ${message}`),
    debug: () => undefined,
  };
}

describe('AuditLog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'openpypi-audit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends one JSON object per line with the time, and echoes it to the log', async () => {
    const lines: string[] = [];
    const log = new AuditLog({
      file: path.join(dir, 'nested', 'audit.jsonl'),
      redactor: new Redactor(),
      logger: recordingLogger(lines),
      now: () => new Date('2026-11-25T12:00:00.000Z'),
    });
    await log.record({ type: 'token.stored', provider: 'ai', validated: true });
    await log.record({
      type: 'scan.finished',
      scanners: ['bandit'],
      target: 'demo',
      results: 3,
      errors: 0,
      durationMs: 812,
    });
    const records = (await log.read())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(records, [
      { time: '2026-11-25T12:00:00.000Z', type: 'token.stored', provider: 'ai', validated: true },
      {
        time: '2026-11-25T12:00:00.000Z',
        type: 'scan.finished',
        scanners: ['bandit'],
        target: 'demo',
        results: 3,
        errors: 0,
        durationMs: 812,
      },
    ]);
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^info audit \{"time"/);
  });

  it('redacts every record: known secrets and credential shapes never reach the file', async () => {
    const redactor = new Redactor();
    redactor.addSecret('hunter2-known-password');
    const lines: string[] = [];
    const log = new AuditLog({
      file: path.join(dir, 'audit.jsonl'),
      redactor,
      logger: recordingLogger(lines),
    });
    await log.record({
      type: 'suppression.added',
      ruleId: 'B105',
      file: 'app/settings.py',
      reason:
        'pasted hunter2-known-password and ghp_abcdefghijklmnopqrstuvwxyz0123456789 by mistake',
    });
    const text = await log.read();
    assert.ok(!text.includes('hunter2-known-password'));
    assert.ok(!text.includes('ghp_abcdefghijklmnopqrstuvwxyz0123456789'));
    assert.match(text, /\[REDACTED\]/);
    assert.ok(!lines.join('\n').includes('hunter2-known-password'));
  });

  it('rotates at the size limit and keeps the configured number of old files', async () => {
    const file = path.join(dir, 'audit.jsonl');
    const log = new AuditLog({
      file,
      redactor: new Redactor(),
      logger: recordingLogger([]),
      maxBytes: 300,
      keep: 2,
    });
    // Concurrent callers: appends are serialised, so no line is torn or lost across rotations.
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        log.record({ type: 'image.quarantined', image: `registry.example/app:${index}` }),
      ),
    );
    const files = (await readdir(dir)).sort();
    assert.deepEqual(files, ['audit.jsonl', 'audit.jsonl.1', 'audit.jsonl.2']);
    const kept: string[] = [];
    for (const name of ['audit.jsonl.2', 'audit.jsonl.1', 'audit.jsonl']) {
      const text = await readFile(path.join(dir, name), 'utf8');
      assert.ok(Buffer.byteLength(text) <= 300, `${name} is ${Buffer.byteLength(text)} bytes`);
      kept.push(...text.trimEnd().split('\n'));
    }
    const images = kept.map((line) => (JSON.parse(line) as { image: string }).image);
    // The newest records survive, in order, ending with the last one written.
    assert.equal(images.at(-1), 'registry.example/app:39');
    const numbers = images.map((image) => Number(image.split(':')[1]));
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => a - b),
    );
    const first = numbers[0] ?? -1;
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => first + i),
    );
  });
});
