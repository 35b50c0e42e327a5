import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { generateProject } from '../../core/generator/generateProject';
import { gitConfigValue } from '../../core/generator/gitRepository';
import { licenseChoices } from '../../core/generator/licenseCatalog';
import { distributionNameProblem, importNameFor } from '../../core/generator/projectName';
import {
  buildBackends,
  projectOptions,
  type BuildBackend,
  type ProjectOption,
  type ProjectSpec,
} from '../../core/generator/projectSpec';
import { supportedPythonVersions } from '../../core/generator/pythonVersions';
import { loadTemplates } from '../../core/generator/templateCatalog';
import type { AiServices } from '../ai/aiServices';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import { createProjectAnswers, type OpenChoice } from './createProjectAnswers';
import { BackRequested, MultiStepInput, type InputOptions } from './multiStepInput';
import { filesFromIdea } from './projectIdea';
import { withCancellableProgress } from '../progress/withCancellableProgress';

export interface GeneratorServices {
  readonly log: ExtensionLog;
  /** The extension's folder; its templates/ holds the built-in templates. */
  readonly extensionPath: string;
  readonly ai: AiServices;
}

export interface CreatedProject {
  readonly folder: string;
  readonly files: readonly string[];
}

/** What the steps fill in, one field per step. */
interface Draft {
  template?: string;
  name?: string;
  description?: string;
  author?: string;
  email?: string;
  license?: string;
  pythonVersions?: readonly string[];
  backend?: BuildBackend;
  options?: readonly ProjectOption[];
  idea?: string | undefined;
  parent?: string;
  open?: OpenChoice;
}

const optionLabels: Record<ProjectOption | 'idea', string> = {
  docker: 'Dockerfile (multi-stage, non-root)',
  ci: 'GitHub Actions CI (tests over the Python versions, lint, type check)',
  security: 'Security workflow (Bandit, pip-audit, Trivy; SARIF upload)',
  dependabot: 'Dependabot (pip and GitHub Actions)',
  precommit: 'pre-commit (ruff, mypy, Bandit)',
  docs: 'Documentation (MkDocs)',
  database: 'Database (SQLAlchemy + Alembic)',
  git: 'git repository with a first commit',
  idea: 'Start from an idea (the AI provider writes the first module and its tests)',
};

function offeredOptions(): (ProjectOption | 'idea')[] {
  return [...projectOptions, 'idea'];
}

function defaultParent(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder?.scheme === 'file' ? path.dirname(folder.fsPath) : os.homedir();
}

/** An input box problem that blocks Enter. */
function inputError(message: string): Promise<vscode.InputBoxValidationMessage> {
  return Promise.resolve({ message, severity: vscode.InputBoxValidationSeverity.Error });
}

function folderTaken(folder: string): boolean {
  try {
    return existsSync(folder) && readdirSync(folder).length > 0;
  } catch {
    return true;
  }
}

/**
 * "OpenPypi: Create Python Project…": a multi-step quick input with Back, validated at each
 * step, then the parent folder, then the project written all or nothing, then opened. Each
 * answer given in the argument (see CreateProjectAnswers) skips its step.
 */
export async function createProject(
  services: GeneratorServices,
  argument: unknown,
): Promise<CreatedProject | undefined> {
  const answers = createProjectAnswers(argument);
  const templatesRoot = path.join(services.extensionPath, 'templates');
  const userFolder = vscode.workspace
    .getConfiguration('openpypi.generator')
    .get<string>('templatesFolder', '')
    .trim();
  const templates = await loadTemplates(templatesRoot, userFolder || undefined);
  const trusted = vscode.workspace.isTrusted;
  const home = defaultParent();
  const gitDefaults = { logger: services.log };
  const draft: Draft = { ...answers };
  if (draft.options?.includes('git') === true && !trusted) {
    throw new UserError(
      vscode.l10n.t(
        'OpenPypi runs no git in an untrusted workspace; leave out the git option or trust this workspace.',
      ),
    );
  }
  // git config is read only in a trusted workspace: nothing is spawned in an untrusted one.
  const gitName = trusted ? await gitConfigValue(home, 'user.name', gitDefaults) : '';
  const gitEmail = trusted ? await gitConfigValue(home, 'user.email', gitDefaults) : '';

  const input = new MultiStepInput();
  const title = vscode.l10n.t('Create Python Project');
  const total = 12;
  interface Step {
    readonly answered: boolean;
    run(step: number): Promise<void>;
  }
  /** Asks for one text answer in an input box, unless the argument gave it. */
  const textStep = (
    key: 'name' | 'description' | 'author' | 'email',
    ask: Omit<InputOptions, 'title' | 'step' | 'totalSteps' | 'value'>,
    value: () => string,
  ): Step => ({
    answered: answers[key] !== undefined,
    run: async (step) => {
      draft[key] = await input.input({ title, step, totalSteps: total, ...ask, value: value() });
    },
  });
  const steps: Step[] = [
    {
      answered: answers.template !== undefined,
      run: async (step) => {
        const items = templates.map((t) => ({
          label: t.label,
          description: t.origin === 'user' ? `${t.id} · ${vscode.l10n.t('your template')}` : t.id,
          detail: t.description,
          id: t.id,
        }));
        const chosen = await input.pick({
          title,
          step,
          totalSteps: total,
          placeholder: vscode.l10n.t('Template'),
          items,
          active: items.find((item) => item.id === draft.template),
        });
        draft.template = chosen.id;
      },
    },
    textStep(
      'name',
      {
        prompt: vscode.l10n.t('Project name (a PEP 508 distribution name; also the folder name)'),
        placeholder: 'my-project',
        validate: (value) => {
          const problem = distributionNameProblem(value);
          if (problem !== undefined) return inputError(problem);
          const target = path.join(draft.parent ?? home, value);
          if (folderTaken(target)) {
            return inputError(vscode.l10n.t('{0} already exists and is not empty.', target));
          }
          return Promise.resolve({
            message: vscode.l10n.t('Import name: {0}', importNameFor(value)),
            severity: vscode.InputBoxValidationSeverity.Info,
          });
        },
      },
      () => draft.name ?? '',
    ),
    textStep(
      'description',
      { prompt: vscode.l10n.t('One-line description') },
      () => draft.description ?? '',
    ),
    textStep(
      'author',
      { prompt: vscode.l10n.t('Author (from git config user.name)') },
      () => draft.author ?? gitName,
    ),
    textStep(
      'email',
      {
        prompt: vscode.l10n.t('Author email (from git config user.email)'),
        validate: (value) =>
          value.trim() === '' || /^[^\s@]+@[^\s@]+$/.test(value.trim())
            ? Promise.resolve(undefined)
            : inputError(vscode.l10n.t('"{0}" is not an email address.', value)),
      },
      () => draft.email ?? gitEmail,
    ),
    {
      answered: answers.license !== undefined,
      run: async (step) => {
        const items = licenseChoices().map((choice) => ({
          label: choice.id,
          description: choice.name,
          detail: choice.osiApproved ? vscode.l10n.t('OSI approved') : undefined,
        }));
        const chosen = await input.pick({
          title,
          step,
          totalSteps: total,
          placeholder: vscode.l10n.t('Licence (SPDX); its text is written to LICENSE'),
          items,
          matchOnDescription: true,
          active: items.find((item) => item.label === (draft.license ?? 'MIT')),
        });
        draft.license = chosen.label;
      },
    },
    {
      answered: answers.pythonVersions !== undefined,
      run: async (step) => {
        const items = supportedPythonVersions.map((version) => ({ label: version }));
        const current = draft.pythonVersions ?? ['3.10', '3.11', '3.12', '3.13'];
        const chosen = await input.pickMany({
          title,
          step,
          totalSteps: total,
          placeholder: vscode.l10n.t('Supported Python versions'),
          items,
          selected: items.filter((item) => current.includes(item.label)),
          validate: (picked) =>
            picked.length === 0 ? vscode.l10n.t('Choose at least one Python version.') : undefined,
        });
        draft.pythonVersions = supportedPythonVersions.filter((v) =>
          chosen.some((item) => item.label === v),
        );
      },
    },
    {
      answered: answers.backend !== undefined,
      run: async (step) => {
        const items = buildBackends.map((backend) => ({ label: backend }));
        const chosen = await input.pick({
          title,
          step,
          totalSteps: total,
          placeholder: vscode.l10n.t('Build backend'),
          items,
          active: items.find((item) => item.label === (draft.backend ?? 'hatchling')),
        });
        draft.backend = chosen.label;
      },
    },
    {
      answered: answers.options !== undefined,
      run: async (step) => {
        const items = offeredOptions().map((id) => ({
          label: optionLabels[id],
          id,
        }));
        const current: readonly string[] = [
          ...(draft.options ?? ['ci', 'security', 'dependabot', 'precommit']),
          ...(draft.idea === undefined ? [] : ['idea']),
        ];
        const chosen = await input.pickMany({
          title,
          step,
          totalSteps: total,
          placeholder: vscode.l10n.t('Options'),
          items,
          selected: items.filter((item) => current.includes(item.id)),
          validate: (picked) =>
            !trusted && picked.some((item) => item.id === 'git')
              ? vscode.l10n.t('git does not run in an untrusted workspace.')
              : undefined,
        });
        draft.options = chosen.map((item) => item.id).filter((id) => id !== 'idea');
        if (!chosen.some((item) => item.id === 'idea')) draft.idea = undefined;
        else draft.idea ??= '';
      },
    },
    {
      answered: answers.idea !== undefined || answers.options !== undefined,
      run: async (step) => {
        if (draft.idea === undefined) return;
        draft.idea = await input.input({
          title,
          step,
          totalSteps: total,
          prompt: vscode.l10n.t('Your idea, in a sentence or two (sent to the AI provider)'),
          value: draft.idea,
          validate: (value) =>
            value.trim() === ''
              ? inputError(vscode.l10n.t('Describe the idea, or go back and untick it.'))
              : Promise.resolve(undefined),
        });
      },
    },
    {
      answered: answers.parent !== undefined,
      run: async () => {
        const picked = await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          defaultUri: vscode.Uri.file(draft.parent ?? home),
          openLabel: vscode.l10n.t('Create Project Here'),
          title: vscode.l10n.t('Parent folder of {0}', draft.name ?? ''),
        });
        const folder = picked?.[0];
        if (folder === undefined) throw new BackRequested();
        draft.parent = folder.fsPath;
      },
    },
    {
      answered: answers.open !== undefined,
      run: async (step) => {
        const items: { label: string; id: OpenChoice }[] = [
          { label: vscode.l10n.t('Open in a new window'), id: 'newWindow' },
          { label: vscode.l10n.t('Add to this workspace'), id: 'addToWorkspace' },
          { label: vscode.l10n.t('Just create it'), id: 'none' },
        ];
        const chosen = await input.pick({
          title,
          step,
          totalSteps: total,
          placeholder: vscode.l10n.t('Then'),
          items,
        });
        draft.open = chosen.id;
      },
    },
  ];

  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (step === undefined) break;
    if (step.answered) {
      index += 1;
      continue;
    }
    try {
      await step.run(index + 1);
      // A name taken in the chosen parent: back to the name step, which says so.
      if (index === 10 && draft.name !== undefined && draft.parent !== undefined) {
        const target = path.join(draft.parent, draft.name);
        if (folderTaken(target) && !steps[1]?.answered) {
          void vscode.window.showWarningMessage(
            vscode.l10n.t('{0} already exists and is not empty: choose another name.', target),
          );
          index = 1;
          continue;
        }
      }
      index += 1;
    } catch (error) {
      if (!(error instanceof BackRequested)) throw error;
      do index -= 1;
      while (index > 0 && steps[index]?.answered === true);
      if (index < 0 || steps[index]?.answered === true) throw new CancelledError();
    }
  }

  const spec: ProjectSpec = {
    template: draft.template ?? 'library',
    name: draft.name ?? '',
    description: draft.description ?? '',
    author: draft.author ?? gitName,
    email: draft.email ?? gitEmail,
    license: draft.license ?? 'MIT',
    pythonVersions: draft.pythonVersions ?? ['3.10', '3.11', '3.12', '3.13'],
    backend: draft.backend ?? 'hatchling',
    options: draft.options ?? [],
  };
  if (spec.options.includes('git') && !trusted) {
    throw new UserError(vscode.l10n.t('git does not run in an untrusted workspace.'));
  }
  const extraFiles =
    draft.idea !== undefined && draft.idea.trim() !== ''
      ? await filesFromIdea(
          services.ai,
          draft.idea,
          importNameFor(spec.name),
          spec.template,
          answers.confirmCost,
        )
      : undefined;
  const project = await withCancellableProgress(
    vscode.l10n.t('Creating {0}', spec.name),
    (signal, progress) =>
      generateProject(
        { ...spec, ...(extraFiles ? { extraFiles } : {}) },
        {
          templatesRoot,
          ...(userFolder ? { userTemplates: userFolder } : {}),
          parent: draft.parent ?? home,
          logger: services.log,
          signal,
          onFile: (written, count, file) => {
            progress.report({ increment: 100 / count, message: `${written}/${count} ${file}` });
          },
        },
      ),
  );
  services.log.info(`Created ${project.folder} (${project.files.length} files)`);
  const uri = vscode.Uri.file(project.folder);
  if (draft.open === 'newWindow') {
    await vscode.commands.executeCommand('vscode.openFolder', uri, { forceNewWindow: true });
  } else if (draft.open === 'addToWorkspace') {
    const at = vscode.workspace.workspaceFolders?.length ?? 0;
    vscode.workspace.updateWorkspaceFolders(at, 0, { uri });
  }
  return { folder: project.folder, files: project.files };
}
