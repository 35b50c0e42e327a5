import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import {
  dependabotEcosystems,
  type DependabotEcosystem,
} from '../../core/github/dependabotEcosystems';
import { securityWorkflowPath } from '../../core/github/securityWorkflowPath';
import { loadGithubRuntime } from './githubRuntimeLoader';
import { commandOptions } from './githubServices';
import { workspaceFolder } from './workspaceRepository';
import { fileExists } from '../files/fileExists';

const excluded = '**/{node_modules,.venv,venv,.git,.tox,dist,build}/**';

async function relativeFiles(pattern: string): Promise<string[]> {
  const folder = workspaceFolder();
  const files = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, pattern),
    excluded,
    5000,
  );
  return files.map((uri) => vscode.workspace.asRelativePath(uri, false));
}

export interface GeneratedFile {
  readonly file: string;
  readonly applied: boolean;
}

/** The text of a workspace file (with the editor's unsaved changes), or undefined if absent. */
async function existingText(uri: vscode.Uri): Promise<string | undefined> {
  if (!(await fileExists(uri))) return undefined;
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

/**
 * Writes a new file as a WorkspaceEdit that needs the user's confirmation (the refactor preview
 * shows it), unless automation passed { apply: true }. The edit never overwrites: a file that
 * appeared meanwhile makes it fail instead.
 */
async function proposeNewFile(uri: vscode.Uri, content: string, apply: boolean): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(
    uri,
    { overwrite: false, contents: new TextEncoder().encode(content) },
    {
      label: vscode.l10n.t('Write {0}', vscode.workspace.asRelativePath(uri, false)),
      needsConfirmation: !apply,
    },
  );
  return vscode.workspace.applyEdit(edit, { isRefactoring: !apply });
}

/**
 * Replaces an existing file's text as a text edit, so the refactor preview shows the change as a
 * diff. `confirm` makes it wait for the user there; a file the user had no unsaved changes in
 * is saved once the edit is applied.
 */
async function proposeChange(
  uri: vscode.Uri,
  content: string,
  label: string,
  confirm: boolean,
): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  const wasDirty = document.isDirty;
  const edit = new vscode.WorkspaceEdit();
  const whole = new vscode.Range(
    document.positionAt(0),
    document.positionAt(document.getText().length),
  );
  edit.replace(uri, whole, content, { label, needsConfirmation: confirm });
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: confirm });
  if (applied && !wasDirty) await document.save();
  return applied;
}

const dependabotFiles = ['.github/dependabot.yml', '.github/dependabot.yaml'] as const;

/**
 * Add Dependabot config: .github/dependabot.yml for the ecosystems the workspace uses. An
 * existing file (.yml or .yaml) is merged into: the missing ecosystems are added and the user's
 * entries and comments kept; one that cannot be merged is only ever replaced through the
 * refactor preview, whatever automation asks.
 */
export async function addDependabot(
  rawOptions: unknown,
): Promise<GeneratedFile & { ecosystems: DependabotEcosystem[] }> {
  const options = commandOptions(rawOptions);
  const apply = options.apply === true;
  const files = [
    ...(await relativeFiles(
      '**/{requirements*.txt,pyproject.toml,setup.py,setup.cfg,Pipfile,Pipfile.lock,poetry.lock,uv.lock,Dockerfile,Containerfile,*.dockerfile}',
    )),
    ...(await relativeFiles('.github/workflows/*.{yml,yaml}')),
  ];
  const ecosystems = dependabotEcosystems(files);
  if (ecosystems.length === 0) {
    throw new UserError(
      vscode.l10n.t(
        'No pip, uv, GitHub Actions or Docker files were found in this workspace, so Dependabot would have nothing to update.',
      ),
    );
  }
  const folder = workspaceFolder();
  const { dependabotConfig, mergeDependabotConfig } = await loadGithubRuntime();
  for (const relativePath of dependabotFiles) {
    const uri = vscode.Uri.joinPath(folder.uri, relativePath);
    const existing = await existingText(uri);
    if (existing === undefined) continue;
    const merge = mergeDependabotConfig(existing, ecosystems);
    if (merge.kind === 'unchanged') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} already has Dependabot updates for {1}; nothing was changed.',
          relativePath,
          ecosystems.join(', '),
        ),
      );
      return { file: uri.fsPath, applied: false, ecosystems };
    }
    if (merge.kind === 'merged') {
      const applied = await proposeChange(
        uri,
        merge.text,
        vscode.l10n.t('Add {0} to {1}', merge.added.join(', '), relativePath),
        !apply,
      );
      return { file: uri.fsPath, applied, ecosystems };
    }
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} cannot be merged into: {1}. Review the replacement in the preview, or discard it and add the updates yourself.',
        relativePath,
        merge.reason,
      ),
    );
    const applied = await proposeChange(
      uri,
      dependabotConfig(ecosystems),
      vscode.l10n.t('Replace {0} (it cannot be merged into)', relativePath),
      true,
    );
    return { file: uri.fsPath, applied, ecosystems };
  }
  const uri = vscode.Uri.joinPath(folder.uri, dependabotFiles[0]);
  const applied = await proposeNewFile(uri, dependabotConfig(ecosystems), apply);
  return { file: uri.fsPath, applied, ecosystems };
}

/**
 * Add Security Workflow: tests and scanners with SARIF upload, as a workflow file. A workflow
 * file of the same name is never replaced without the user's review in the refactor preview
 * (a workflow cannot be merged meaningfully), whatever automation asks.
 */
export async function addSecurityWorkflow(rawOptions: unknown): Promise<GeneratedFile> {
  const options = commandOptions(rawOptions);
  const tests = await relativeFiles('**/{test_*.py,*_test.py,conftest.py}');
  const { securityWorkflow } = await loadGithubRuntime();
  const content = securityWorkflow({ hasTests: tests.length > 0 });
  const uri = vscode.Uri.joinPath(workspaceFolder().uri, securityWorkflowPath);
  const existing = await existingText(uri);
  if (existing === undefined) {
    return {
      file: uri.fsPath,
      applied: await proposeNewFile(uri, content, options.apply === true),
    };
  }
  if (existing === content) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} is already up to date; nothing was changed.', securityWorkflowPath),
    );
    return { file: uri.fsPath, applied: false };
  }
  const applied = await proposeChange(
    uri,
    content,
    vscode.l10n.t('Replace {0} with the OpenPypi security workflow', securityWorkflowPath),
    true,
  );
  return { file: uri.fsPath, applied };
}
