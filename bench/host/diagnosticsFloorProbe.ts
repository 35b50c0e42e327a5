// Runs inside the real extension host (as a tests module) without OpenPypi: the least any
// extension has to do to show the results of bench/generateSarifLog.mjs's log in the Problems
// panel, measured three times as importProbe.ts measures OpenPypi's import
// (bench/host/importMeasurement.ts). It reads and parses nothing: it makes each result's
// message, range and Diagnostic from the log's pattern and hands them to a DiagnosticCollection
// the way OpenPypi publishes an import (at most 500 diagnostics a call, the event loop let run
// every 20 ms). What the collection keeps is what any extension has to keep: the Diagnostic
// objects with their ranges and messages. Its figures are the floor under OpenPypi's: what the
// extension host's young-generation collections cost for those objects alone.
// Writes the samples to OPENPYPI_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { benchSettings, measureImport, type Sample } from './importMeasurement';

/** bench/generateSarifLog.mjs spreads the results over this many files. */
const files = 5000;
const ruleCount = 20;
const sliceMs = 20;
const diagnosticsPerCall = 500;

const severities = [
  vscode.DiagnosticSeverity.Error,
  vscode.DiagnosticSeverity.Warning,
  vscode.DiagnosticSeverity.Information,
];
const rules = Array.from(
  { length: ruleCount },
  (_, index) => `GEN${String(index).padStart(3, '0')}`,
);

function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function publish(collection: vscode.DiagnosticCollection, results: number): Promise<number> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) throw new Error('the floor benchmark needs a workspace folder');
  const byFile: vscode.Diagnostic[][] = Array.from({ length: Math.min(files, results) }, () => []);
  let sliceStart = performance.now();
  for (let index = 0; index < results; index++) {
    const file = index % files;
    const line = Math.floor(index / files) % 200;
    const rule = index % ruleCount;
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(line, 4, line, 19),
      `Finding ${index} in module ${file}`,
      severities[rule % 3],
    );
    diagnostic.source = 'generator';
    diagnostic.code = rules[rule];
    byFile[file]?.push(diagnostic);
    if (index % 64 === 0 && performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
  let call: [vscode.Uri, vscode.Diagnostic[]][] = [];
  let inCall = 0;
  let published = 0;
  for (const [file, diagnostics] of byFile.entries()) {
    if (inCall > 0 && inCall + diagnostics.length > diagnosticsPerCall) {
      collection.set(call);
      call = [];
      inCall = 0;
      if (performance.now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
    }
    call.push([vscode.Uri.joinPath(root, `pkg${file % 50}/module${file}.py`), diagnostics]);
    inCall += diagnostics.length;
    published += diagnostics.length;
  }
  collection.set(call);
  return published;
}

export async function run(): Promise<void> {
  const { expected, out } = benchSettings();
  const collection = vscode.languages.createDiagnosticCollection('openpypi-bench-floor');
  const samples: Sample[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      samples.push(
        await measureImport(
          () => {
            collection.clear();
            return Promise.resolve();
          },
          () => publish(collection, expected),
          expected,
        ),
      );
    }
  } finally {
    collection.dispose();
  }
  writeFileSync(out, JSON.stringify(samples));
}
