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

/**
 * Writes `content` to `relativePath` as a WorkspaceEdit that needs the user's confirmation
 * (the refactor preview shows it), unless automation passed { apply: true }.
 */
async function proposeFile(
  relativePath: string,
  content: string,
  apply: boolean,
): Promise<GeneratedFile> {
  const folder = workspaceFolder();
  const uri = vscode.Uri.joinPath(folder.uri, relativePath);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(
    uri,
    { overwrite: true, contents: new TextEncoder().encode(content) },
    {
      label: vscode.l10n.t('Write {0}', relativePath),
      needsConfirmation: !apply,
    },
  );
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: !apply });
  return { file: uri.fsPath, applied };
}

/** Add Dependabot config: .github/dependabot.yml for the ecosystems the workspace uses. */
export async function addDependabot(
  rawOptions: unknown,
): Promise<GeneratedFile & { ecosystems: DependabotEcosystem[] }> {
  const options = commandOptions(rawOptions);
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
  const { dependabotConfig } = await loadGithubRuntime();
  const result = await proposeFile(
    '.github/dependabot.yml',
    dependabotConfig(ecosystems),
    options.apply === true,
  );
  return { ...result, ecosystems };
}

/** Add Security Workflow: tests and scanners with SARIF upload, as a workflow file. */
export async function addSecurityWorkflow(rawOptions: unknown): Promise<GeneratedFile> {
  const options = commandOptions(rawOptions);
  const tests = await relativeFiles('**/{test_*.py,*_test.py,conftest.py}');
  const { securityWorkflow } = await loadGithubRuntime();
  return proposeFile(
    securityWorkflowPath,
    securityWorkflow({ hasTests: tests.length > 0 }),
    options.apply === true,
  );
}
