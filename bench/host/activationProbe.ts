// Runs inside the real extension host (as a tests module): waits for OpenPypi to activate in the
// demo workspace and writes VS Code's own activation marks for it to OPENPYPI_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

interface Mark {
  name: string;
  startTime: number;
}

declare const globalThis: { MonacoPerformanceMarks?: { getMarks(): Mark[] } };

const id = 'openpypi.openpypi';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded`);
  const deadline = Date.now() + 30_000;
  while (!extension.isActive && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!extension.isActive) throw new Error(`${id} did not activate by itself`);
  const marks = globalThis.MonacoPerformanceMarks?.getMarks() ?? [];
  const at = (name: string): number => {
    const mark = marks.find((m) => m.name === `code/extHost/${name}/${id}`);
    if (!mark) throw new Error(`no mark ${name} for ${id}`);
    return mark.startTime;
  };
  const load = at('didLoadExtensionCode') - at('willLoadExtensionCode');
  const activate = at('didActivateExtension') - at('willActivateExtension');
  const out = process.env.OPENPYPI_BENCH_OUT;
  if (!out) throw new Error('OPENPYPI_BENCH_OUT is not set');
  writeFileSync(
    out,
    JSON.stringify({ loadMs: load, activateMs: activate, ownMs: load + activate }),
  );
}
