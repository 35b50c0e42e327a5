import * as vscode from 'vscode';
import type { ProjectFiles } from '../../core/dockerfile/projectFiles';
import { loadDockerRuntime } from './dockerRuntimeLoader';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import { fileExists } from '../files/fileExists';

/**
 * Writes a Dockerfile, .dockerignore and (for a web app) compose.yaml for the workspace's
 * Python project. Existing files are replaced only after asking (or `{ overwrite: true }`).
 * Resolves with the Dockerfile's path.
 */
export async function generateDockerfile(
  log: ExtensionLog,
  arg: unknown,
  optionsArg?: unknown,
): Promise<string> {
  const folder = await folderTarget(arg);
  const runtime = loadDockerRuntime();
  const files = runtime.folderProjectFiles(folder.fsPath);
  if (!(await looksLikePythonProject(files))) {
    throw new UserError(
      vscode.l10n.t(
        'No Python project in {0}: it has no pyproject.toml, requirements*.txt, setup.py or .py file. Open the project folder, or create one with OpenPypi first.',
        folder.fsPath,
      ),
    );
  }
  const project = await runtime.detectPythonProject(files).catch((error: unknown) => {
    // pyproject.toml that is not TOML: say which file, as a warning (nothing failed here).
    if (error instanceof Error && error.name === 'ManifestParseError') {
      throw new UserError(error.message);
    }
    throw error;
  });
  const generated = runtime.generateDockerFiles(project);
  const overwrite =
    typeof optionsArg === 'object' &&
    optionsArg !== null &&
    (optionsArg as { overwrite?: unknown }).overwrite === true;
  const existing: string[] = [];
  for (const file of generated.files) {
    if (await fileExists(vscode.Uri.joinPath(folder, file.path))) existing.push(file.path);
  }
  if (existing.length > 0 && !overwrite) {
    const replace = vscode.l10n.t('Replace');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exist. Replace them?', existing.join(', ')),
      { modal: true },
      replace,
    );
    if (choice !== replace) throw new CancelledError();
  }
  for (const file of generated.files) {
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, file.path),
      new TextEncoder().encode(file.content),
    );
  }
  const dockerfile = vscode.Uri.joinPath(folder, 'Dockerfile');
  log.info(
    `Docker: generated ${generated.files.map((f) => f.path).join(', ')} for ${project.name} (${project.buildTool}, Python ${project.pythonVersion})`,
  );
  await vscode.window.showTextDocument(dockerfile, { preview: false });
  for (const warning of generated.warnings) void vscode.window.showWarningMessage(warning);
  return dockerfile.fsPath;
}

async function folderTarget(arg: unknown): Promise<vscode.Uri> {
  if (arg instanceof vscode.Uri) return arg;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (typeof arg === 'string' && arg.trim() !== '') {
    const named = folders.find((f) => f.name === arg || f.uri.fsPath === arg);
    if (named !== undefined) return named.uri;
    return vscode.Uri.file(arg);
  }
  if (folders.length === 0) {
    throw new UserError(vscode.l10n.t('Open a Python project folder to generate its Dockerfile.'));
  }
  if (folders.length === 1 && folders[0] !== undefined) return folders[0].uri;
  const picked = await vscode.window.showWorkspaceFolderPick();
  if (picked === undefined) throw new CancelledError();
  return picked.uri;
}

/** A folder a Dockerfile can be generated for: a manifest, or Python files at its top or in src/. */
async function looksLikePythonProject(files: ProjectFiles): Promise<boolean> {
  const top = await files.list('');
  const python = (names: readonly string[]): boolean =>
    names.some(
      (name) =>
        name === 'pyproject.toml' ||
        name === 'setup.py' ||
        name === 'setup.cfg' ||
        /^requirements.*\.txt$/.test(name) ||
        name.endsWith('.py'),
    );
  if (python(top)) return true;
  for (const dir of top.filter((name) => name.endsWith('/') && !name.startsWith('.'))) {
    if (python(await files.list(dir))) return true;
  }
  return false;
}
