import * as vscode from 'vscode';
import type { Logger } from '../../core/logging/logger';

const pythonExtensionId = 'ms-python.python';

/**
 * The folder of the Python environment the Python extension has selected for `folder` (its
 * `sys.prefix`), so that scanners installed there are found first. Undefined when the Python
 * extension is not installed or has no environment; the scanners then come from PATH.
 */
export async function activePythonEnvironment(
  folder: vscode.Uri,
  log: Logger,
): Promise<string | undefined> {
  if (vscode.extensions.getExtension(pythonExtensionId) === undefined) return undefined;
  try {
    const { PythonExtension } = await import('@vscode/python-extension');
    const api = await PythonExtension.api();
    const active = api.environments.getActiveEnvironmentPath(folder);
    const resolved = await api.environments.resolveEnvironment(active);
    return resolved?.executable.sysPrefix;
  } catch (error) {
    log.warn(`Could not ask the Python extension for the active environment: ${String(error)}`);
    return undefined;
  }
}
