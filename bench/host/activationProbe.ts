// Runs inside the real extension host (as a tests module): waits for OpenPypi to activate in the
// demo workspace and writes VS Code's own activation marks for it to OPENPYPI_BENCH_OUT. With
// OPENPYPI_BENCH_WAIT_CODE_CACHE it then waits until dist/main.js has written the code cache of
// dist/extension.js into the global storage, so that the next start of the same state uses it.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

interface Mark {
  name: string;
  startTime: number;
}

declare const globalThis: { MonacoPerformanceMarks?: { getMarks(): Mark[] } };

const id = 'openpypi.openpypi';

async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!done() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!done()) throw new Error(`${what} within 30 s`);
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded`);
  await until(() => extension.isActive, `${id} did not activate by itself`);
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
  if (process.env.OPENPYPI_BENCH_WAIT_CODE_CACHE) {
    const userData = process.env.OPENPYPI_TEST_USER_DATA ?? '';
    const cacheDir = path.join(userData, 'User/globalStorage', id, 'code-cache');
    await until(
      () => existsSync(cacheDir) && readdirSync(cacheDir).some((f) => f.endsWith('.v8cache')),
      `no code cache in ${cacheDir}`,
    );
  }
}
