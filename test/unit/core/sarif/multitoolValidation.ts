import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';

const MULTITOOL = path.resolve(
  __dirname,
  '../../../../node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool',
);

/** One error-level finding of Microsoft's SARIF Multitool about a log. */
export interface Violation {
  readonly ruleId: string;
  readonly message: string;
}

/**
 * Validates a SARIF log (a file path, or a log object written to a temporary file) with the
 * SARIF Multitool, SARIF and GitHub ingestion rules both, and returns its error-level results.
 * Warnings and notes are advice and are not returned. Takes a couple of seconds per log.
 */
export async function multitoolViolations(log: string | Log): Promise<Violation[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'openpypi-multitool-'));
  try {
    const input = typeof log === 'string' ? log : path.join(folder, 'input.sarif');
    if (typeof log !== 'string') {
      await writeFile(input, JSON.stringify(log), 'utf8');
    }
    const output = path.join(folder, 'validation.sarif');
    await new Promise<void>((resolve) => {
      // The Multitool exits non-zero when it finds errors; the output file says which.
      execFile(
        MULTITOOL,
        [
          'validate',
          input,
          '--rule-kind',
          'Gh;Sarif',
          '--output',
          output,
          '--log',
          'ForceOverwrite',
        ],
        { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } },
        () => {
          resolve();
        },
      );
    });
    const report = JSON.parse((await readFile(output, 'utf8')).replace(/^\uFEFF/, '')) as Log;
    const violations: Violation[] = [];
    for (const run of report.runs) {
      for (const result of run.results ?? []) {
        if (result.level === 'error') {
          violations.push({
            ruleId: result.ruleId ?? '?',
            message: JSON.stringify(result.message.arguments ?? result.message.text ?? ''),
          });
        }
      }
      for (const invocation of run.invocations ?? []) {
        for (const notification of invocation.toolExecutionNotifications ?? []) {
          if (notification.level === 'error') {
            violations.push({ ruleId: 'MULTITOOL', message: notification.message.text ?? '' });
          }
        }
      }
    }
    return violations;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
