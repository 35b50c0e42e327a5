// Runs inside the real extension host (as a tests module): imports a generated SARIF log with
// OpenPypi's "Import SARIF File(s)" command, three times, and measures each import
// (bench/host/importMeasurement.ts) until the command resolves, which it does once every result
// is published as a diagnostic. Writes the samples to OPENPYPI_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { benchSettings, measureImport, profiled, type Sample } from './importMeasurement';

export async function run(): Promise<void> {
  const { log, expected, out } = benchSettings();
  if (!log) throw new Error('OPENPYPI_BENCH_LOG not set');
  await vscode.extensions.getExtension('openpypi.openpypi')?.activate();
  const uri = vscode.Uri.file(log);
  const importOnce = (): Promise<Sample> =>
    measureImport(
      async () => {
        await vscode.commands.executeCommand('openpypi.security.clearResults');
      },
      // The command resolves when its diagnostics are published (issue 4: every command returns
      // when its work is done), so its resolution is the end of the measurement.
      async () =>
        Number(await vscode.commands.executeCommand('openpypi.security.importSarif', uri)),
      expected,
    );
  const samples: Sample[] = [];
  samples.push(await profiled(`import-${expected}`, importOnce));
  for (let i = 1; i < 3; i++) samples.push(await importOnce());
  writeFileSync(out, JSON.stringify(samples));
}
