// The extension's entry point (package.json "main", built to dist/main.js). It evaluates
// dist/extension.js, the registration glue, with V8's code cache kept in the extension's global
// storage, so that a start after the first deserialises the glue's compiled code instead of
// compiling it again (bench/editorBench.mjs activation measures both). Nothing else belongs here.
import path from 'node:path';
import type * as vscode from 'vscode';
import { requireWithCodeCache } from './core/codeCache/requireWithCodeCache';
import type * as Extension from './extension';

/** Long enough for the functions of activation and the first views to be compiled. */
const saveCacheAfterMs = 5_000;

let extension: typeof Extension | undefined;

export function activate(context: vscode.ExtensionContext): Extension.OpenPypiApi {
  const glue = requireWithCodeCache<typeof Extension>(
    path.join(__dirname, 'extension.js'),
    path.join(context.globalStorageUri.fsPath, 'code-cache'),
  );
  extension = glue.exports;
  const api = extension.activate(context);
  if (!glue.fromCache) {
    const timer = setTimeout(() => {
      glue.saveCache();
    }, saveCacheAfterMs);
    context.subscriptions.push({
      dispose: () => {
        clearTimeout(timer);
      },
    });
  }
  return api;
}

export function deactivate(): void {
  extension?.deactivate();
}
