import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import {
  checkDeploymentOptions,
  defaultDeploymentOptions,
  deploymentTargets,
  type DeploymentOptions,
  type DeploymentTarget,
} from '../../core/cloud/generate/deploymentOptions';
import { generateDeployment } from '../../core/cloud/generate/generateDeployment';
import { projectIdentity } from './projectIdentity';
import { fileExists } from '../files/fileExists';

const targetLabels: Readonly<Record<DeploymentTarget, { label: string; detail: string }>> = {
  kubernetes: {
    label: 'Kubernetes',
    detail:
      'Deployment, Service, HorizontalPodAutoscaler, default-deny NetworkPolicy, PodDisruptionBudget',
  },
  'aws-ecs-fargate': {
    label: 'AWS ECS on Fargate',
    detail: 'Terraform: cluster, task definition, service, autoscaling',
  },
  'aws-app-runner': {
    label: 'AWS App Runner',
    detail: 'Terraform: App Runner service from Amazon ECR',
  },
  'gcp-cloud-run': {
    label: 'Google Cloud Run',
    detail: 'Terraform: Cloud Run v2 service, own service account',
  },
  'azure-container-apps': {
    label: 'Azure Container Apps',
    detail: 'Terraform: Container App, environment, identity',
  },
};

/** What automation (tests) may pass instead of answering the quick picks. */
interface GenerateRequest {
  readonly options?: Partial<DeploymentOptions> & { target: DeploymentTarget };
  /** Show the edit for acceptance (default), or apply it at once. */
  readonly preview: boolean;
  readonly overwrite: boolean;
}

function requestFrom(arg: unknown): GenerateRequest {
  if (typeof arg !== 'object' || arg === null) return { preview: true, overwrite: false };
  const record = arg as Record<string, unknown>;
  const target = record.target;
  if (typeof target === 'string' && !(deploymentTargets as readonly string[]).includes(target)) {
    throw new UserError(
      vscode.l10n.t('Unknown target "{0}": use one of {1}.', target, deploymentTargets.join(', ')),
    );
  }
  return {
    ...(typeof target === 'string'
      ? { options: record as unknown as GenerateRequest['options'] }
      : {}),
    preview: record.preview !== false,
    overwrite: record.overwrite === true,
  };
}

async function chooseFolder(): Promise<vscode.WorkspaceFolder> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    throw new UserError(vscode.l10n.t('Open the folder of the project to deploy first.'));
  }
  if (folders.length === 1 && folders[0] !== undefined) return folders[0];
  const folder = await vscode.window.showWorkspaceFolderPick({
    placeHolder: vscode.l10n.t('Which project to deploy?'),
  });
  if (folder === undefined) throw new CancelledError();
  return folder;
}

async function chooseTarget(): Promise<DeploymentTarget> {
  const picked = await vscode.window.showQuickPick(
    deploymentTargets.map((target) => ({ ...targetLabels[target], target })),
    { title: vscode.l10n.t('Generate Deployment (1/2): where does it run?'), matchOnDetail: true },
  );
  if (picked === undefined) throw new CancelledError();
  return picked.target;
}

type Editable =
  | 'image'
  | 'port'
  | 'namespace'
  | 'replicas'
  | 'size'
  | 'healthPath'
  | 'region'
  | 'ingressFrom'
  | 'egressHttps';

function optionRows(
  options: DeploymentOptions,
): { label: string; description: string; key: Editable }[] {
  const rows: { label: string; description: string; key: Editable }[] = [
    { key: 'image', label: vscode.l10n.t('Image'), description: options.image },
    { key: 'port', label: vscode.l10n.t('Container port'), description: String(options.port) },
    {
      key: 'replicas',
      label: vscode.l10n.t('Replicas (min-max)'),
      description: `${options.minReplicas}-${options.maxReplicas}`,
    },
    {
      key: 'size',
      label: vscode.l10n.t('CPU and memory limits'),
      description: `${options.cpuMillicores}m · ${options.memoryMiB} MiB`,
    },
    {
      key: 'healthPath',
      label: vscode.l10n.t('Health check path'),
      description: options.healthPath,
    },
  ];
  if (options.target === 'kubernetes') {
    rows.splice(2, 0, {
      key: 'namespace',
      label: vscode.l10n.t('Namespace'),
      description: options.namespace,
    });
    rows.push(
      {
        key: 'ingressFrom',
        label: vscode.l10n.t('Traffic allowed from'),
        description:
          options.ingressFrom === 'same-namespace'
            ? vscode.l10n.t('pods in the same namespace')
            : vscode.l10n.t('all namespaces'),
      },
      {
        key: 'egressHttps',
        label: vscode.l10n.t('Outbound HTTPS'),
        description: options.egressHttps
          ? vscode.l10n.t('allowed')
          : vscode.l10n.t('denied (DNS only)'),
      },
    );
  } else {
    rows.push({ key: 'region', label: vscode.l10n.t('Region'), description: options.region });
  }
  return rows;
}

async function ask(
  prompt: string,
  value: string,
  check: (text: string) => string | undefined,
): Promise<string> {
  const answer = await vscode.window.showInputBox({ prompt, value, validateInput: check });
  if (answer === undefined) throw new CancelledError();
  return answer.trim();
}

/** Tries one change; the message of checkDeploymentOptions when it does not fit. */
function problemWith(options: DeploymentOptions): string | undefined {
  try {
    checkDeploymentOptions(options);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function edit(options: DeploymentOptions, key: Editable): Promise<DeploymentOptions> {
  const tryWith = (change: Partial<DeploymentOptions>) => problemWith({ ...options, ...change });
  switch (key) {
    case 'image': {
      const image = await ask(
        vscode.l10n.t('Container image with tag or digest'),
        options.image,
        (text) => tryWith({ image: text.trim() }),
      );
      return { ...options, image };
    }
    case 'port': {
      const port = Number(
        await ask(vscode.l10n.t('Port the application listens on'), String(options.port), (text) =>
          tryWith({ port: Number(text) }),
        ),
      );
      return { ...options, port };
    }
    case 'namespace': {
      const namespace = await ask(
        vscode.l10n.t('Kubernetes namespace'),
        options.namespace,
        (text) => tryWith({ namespace: text.trim() }),
      );
      return { ...options, namespace };
    }
    case 'replicas': {
      const parse = (text: string) => {
        const [min, max] = text.split('-').map((part) => Number(part.trim()));
        return { minReplicas: min ?? Number.NaN, maxReplicas: max ?? min ?? Number.NaN };
      };
      const text = await ask(
        vscode.l10n.t('Replicas as min-max, for example 2-5'),
        `${options.minReplicas}-${options.maxReplicas}`,
        (value) => tryWith(parse(value)),
      );
      return { ...options, ...parse(text) };
    }
    case 'size': {
      const parse = (text: string) => {
        const [cpu, memory] = text
          .split(',')
          .map((part) => Number(part.trim().replace(/(m|mi|mib)$/i, '')));
        return { cpuMillicores: cpu ?? Number.NaN, memoryMiB: memory ?? Number.NaN };
      };
      const text = await ask(
        vscode.l10n.t('CPU millicores and memory MiB, for example 500, 512'),
        `${options.cpuMillicores}, ${options.memoryMiB}`,
        (value) => tryWith(parse(value)),
      );
      return { ...options, ...parse(text) };
    }
    case 'healthPath': {
      const healthPath = await ask(
        vscode.l10n.t('HTTP path of the health check'),
        options.healthPath,
        (text) => tryWith({ healthPath: text.trim() }),
      );
      return { ...options, healthPath };
    }
    case 'region': {
      const region = await ask(vscode.l10n.t('Region'), options.region, (text) =>
        tryWith({ region: text.trim() }),
      );
      return { ...options, region };
    }
    case 'ingressFrom':
      return {
        ...options,
        ingressFrom: options.ingressFrom === 'same-namespace' ? 'all-namespaces' : 'same-namespace',
      };
    case 'egressHttps':
      return { ...options, egressHttps: !options.egressHttps };
  }
}

/** The options list: Enter on "Generate" accepts, Enter on a row changes that option. */
async function chooseOptions(initial: DeploymentOptions): Promise<DeploymentOptions> {
  let options = initial;
  for (;;) {
    const generate = {
      label: `$(check) ${vscode.l10n.t('Generate')}`,
      description: targetLabels[options.target].label,
      key: 'generate' as const,
    };
    const picked = await vscode.window.showQuickPick<{
      label: string;
      description: string;
      key: Editable | 'generate';
    }>([generate, ...optionRows(options)], {
      title: vscode.l10n.t('Generate Deployment (2/2): options — pick one to change'),
      ignoreFocusOut: true,
    });
    if (picked === undefined) throw new CancelledError();
    if (picked.key === 'generate') return options;
    options = await edit(options, picked.key);
  }
}

/**
 * Generate Deployment: target and options from quick picks (or the argument), then the files
 * as one WorkspaceEdit that the person accepts in the refactor preview (each file unticked until
 * the person ticks it). Resolves with the files' Uris once applied, or undefined when nothing
 * was created.
 */
export async function generateDeploymentCommand(arg: unknown): Promise<vscode.Uri[] | undefined> {
  const request = requestFrom(arg);
  const folder = await chooseFolder();
  const identity = await projectIdentity(folder.uri.fsPath);
  let options: DeploymentOptions;
  if (request.options === undefined) {
    const target = await chooseTarget();
    const defaults = defaultDeploymentOptions(target, identity.name);
    options = await chooseOptions({
      ...defaults,
      image: `registry.example.com/${defaults.name}:${identity.version}`,
    });
  } else {
    const defaults = defaultDeploymentOptions(request.options.target, identity.name);
    options = { ...defaults, ...request.options };
  }
  const files = generateDeployment(options);
  const uris = files.map((file) => vscode.Uri.joinPath(folder.uri, ...file.path.split('/')));
  const existing = (
    await Promise.all(uris.map(async (uri) => ((await fileExists(uri)) ? uri : undefined)))
  ).filter((uri) => uri !== undefined);
  if (existing.length > 0 && !request.overwrite) {
    const replace = vscode.l10n.t('Replace');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} files exist already, for example {1}. Replace them?',
        existing.length,
        vscode.workspace.asRelativePath(existing[0] ?? folder.uri),
      ),
      { modal: true },
      replace,
    );
    if (choice !== replace) throw new CancelledError();
  }
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = {
    label: vscode.l10n.t('Generate Deployment ({0})', targetLabels[options.target].label),
    needsConfirmation: request.preview,
  };
  const encoder = new TextEncoder();
  files.forEach((file, index) => {
    const uri = uris[index];
    if (uri === undefined) return;
    edit.createFile(uri, { overwrite: true, contents: encoder.encode(file.content) }, metadata);
  });
  if (request.preview) {
    // VS Code lists edits that need confirmation unticked: Apply alone would create nothing.
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'OpenPypi: {0} files wait in the Refactor Preview. Tick the ones to create, then Apply.',
        files.length,
      ),
    );
  }
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: request.preview });
  if (!applied) return undefined;
  if (existing.length === 0 && !(await Promise.all(uris.map(fileExists))).some(Boolean)) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'OpenPypi: no file was created. Run Generate Deployment again and tick the files in the Refactor Preview before Apply.',
      ),
    );
    return undefined;
  }
  const first =
    uris.find((uri) => uri.path.endsWith('deployment.yaml') || uri.path.endsWith('main.tf')) ??
    uris[0];
  if (first !== undefined && request.preview)
    await vscode.window.showTextDocument(first, { preview: true });
  return uris;
}
