import * as vscode from 'vscode';
import { alembicScaffold } from '../../core/database/alembicScaffold';
import { findModelsBase, type ModelsBase } from '../../core/database/findModelsBase';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { fileExists } from '../files/fileExists';

export interface AddedAlembic {
  readonly files: readonly string[];
  readonly base?: ModelsBase;
}

async function projectFolder(arg: unknown): Promise<vscode.WorkspaceFolder> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (arg instanceof vscode.Uri) {
    const folder = vscode.workspace.getWorkspaceFolder(arg);
    if (folder) return folder;
  }
  if (folders.length === 0) {
    throw new UserError(vscode.l10n.t("Open the project's folder first, then add Alembic to it."));
  }
  if (folders.length === 1 && folders[0]) return folders[0];
  const picked = await vscode.window.showWorkspaceFolderPick({
    placeHolder: vscode.l10n.t('Add Alembic to which folder?'),
  });
  if (!picked) throw new CancelledError('no folder picked');
  return picked;
}

/**
 * Adds Alembic to a project that has none: alembic.ini (without a URL), migrations/env.py
 * wired to the project's declarative base and to $DATABASE_URL, the revision template and an
 * empty versions folder. Nothing existing is overwritten.
 */
export async function addAlembic(arg: unknown): Promise<AddedAlembic> {
  const folder = await projectFolder(arg);
  if (await fileExists(vscode.Uri.joinPath(folder.uri, 'alembic.ini'))) {
    throw new UserError(
      vscode.l10n.t(
        '{0} has Alembic already (alembic.ini). Use the OpenPypi: Alembic commands to run it.',
        folder.name,
      ),
    );
  }
  if (await fileExists(vscode.Uri.joinPath(folder.uri, 'migrations'))) {
    throw new UserError(
      vscode.l10n.t(
        '{0} has a migrations folder already; OpenPypi does not overwrite it.',
        folder.name,
      ),
    );
  }
  const pythonFiles = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, '**/*.py'),
    '{**/node_modules/**,**/.venv/**,**/venv/**,**/site-packages/**,**/.git/**}',
    2000,
  );
  const sources: { file: string; text: string }[] = [];
  for (const uri of pythonFiles) {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > 256 * 1024) continue;
    sources.push({
      file: vscode.workspace.asRelativePath(uri, false),
      text: new TextDecoder().decode(bytes),
    });
  }
  const manifests = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, '{pyproject.toml,setup.py,setup.cfg,requirements*.txt}'),
    undefined,
    1,
  );
  if (sources.length === 0 && manifests.length === 0) {
    throw new UserError(
      vscode.l10n.t(
        '{0} is not a Python project (no pyproject.toml, setup.py, requirements file or .py file): there is nothing to wire Alembic to.',
        folder.name,
      ),
    );
  }
  const base = findModelsBase(sources);
  const srcLayout = await fileExists(vscode.Uri.joinPath(folder.uri, 'src'));
  const files = alembicScaffold({ base, srcLayout });
  for (const file of files) {
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder.uri, file.path),
      new TextEncoder().encode(file.content),
    );
  }
  const env = files.find((f) => f.path.endsWith('env.py'));
  if (env)
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, env.path), {
      preview: false,
    });
  void vscode.window.showInformationMessage(
    base
      ? vscode.l10n.t(
          'Alembic added; env.py uses {0}.{1}.metadata from {2}.',
          base.module,
          base.name,
          base.file,
        )
      : vscode.l10n.t(
          'Alembic added. No SQLAlchemy declarative base was found: set target_metadata in migrations/env.py.',
        ),
  );
  return { files: files.map((f) => f.path), ...(base ? { base } : {}) };
}
