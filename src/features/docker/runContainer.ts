import * as vscode from 'vscode';
import {
  QUARANTINE_ORIGINAL_ID_LABEL,
  RUN_BY_LABEL,
  quarantineReason,
} from '../../core/docker/quarantineLabels';
import {
  planSecureRun,
  SECURE_DEFAULTS,
  secureRunDeviations,
  type SecureDefault,
} from '../../core/docker/secureRun';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { readDockerSettings } from './dockerSettings';
import type { DockerServices } from './dockerServices';
import { imageTarget } from './dockerTargets';

/** Options from automation: which defaults to loosen (no prompt then), a name, a command. */
export interface RunOptions {
  readonly loosen?: readonly SecureDefault[];
  readonly name?: string;
  readonly cmd?: readonly string[];
}

const DEFAULT_LABELS: Record<SecureDefault, string> = {
  readOnlyRootfs: 'Read-only root filesystem (tmpfs /tmp)',
  noNewPrivileges: 'no-new-privileges',
  dropAllCapabilities: 'Drop all Linux capabilities',
  nonRootUser: "Run as the image's non-root user",
  limits: 'Memory, CPU and process limits',
};

/**
 * Runs a container with secure defaults, each checked back with `inspect` before it starts; a
 * default the engine did not apply removes the container and says which. Quarantined images
 * are refused. Resolves with the container id.
 */
export async function runContainer(
  services: DockerServices,
  arg: unknown,
  optionsArg?: unknown,
): Promise<string> {
  if (!vscode.workspace.isTrusted) {
    throw new UserError(vscode.l10n.t('Trust this workspace to run containers from it.'));
  }
  const options = (
    typeof optionsArg === 'object' && optionsArg !== null ? optionsArg : {}
  ) as RunOptions;
  const reference = await imageTarget(services.watch, arg);
  const client = services.watch.client();
  const image = await client.inspectImage(reference);
  const reason = quarantineReason(image.labels);
  if (reason !== undefined) {
    throw new UserError(
      vscode.l10n.t('{0} is quarantined ({1}): release it before running it.', reference, reason),
    );
  }
  const images = await client.listImages();
  if (images.some((other) => other.labels[QUARANTINE_ORIGINAL_ID_LABEL] === image.id)) {
    throw new UserError(
      vscode.l10n.t(
        '{0} is quarantined under another name: release it before running it.',
        reference,
      ),
    );
  }
  const loosened = new Set(options.loosen ?? (await askWhatToLoosen(image.user)));
  const settings = readDockerSettings();
  const plan = planSecureRun({
    image,
    imageReference: reference,
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.cmd === undefined ? {} : { cmd: options.cmd }),
    limits: settings.limits,
    loosened,
    labels: { [RUN_BY_LABEL]: reference },
    networkMode: settings.runNetwork,
  });
  const id = await client.createContainer(plan.request);
  try {
    const deviations = secureRunDeviations(plan, await client.inspectContainer(id));
    if (deviations.length > 0) {
      throw new UserError(
        vscode.l10n.t(
          'The engine did not apply the secure defaults ({0}); the container was removed.',
          deviations.join('; '),
        ),
      );
    }
    await client.startContainer(id);
  } catch (error) {
    await client.removeContainer(id, { force: true }).catch(() => undefined);
    throw error;
  }
  services.log.info(
    `Docker: ran ${reference} as ${id.slice(0, 12)} with ${[...plan.applied].join(', ') || 'no secure defaults'}`,
  );
  await reportEarlyExit(services, id);
  await services.watch.refresh();
  return id;
}

async function askWhatToLoosen(imageUser: string): Promise<SecureDefault[]> {
  const items = SECURE_DEFAULTS.map((item) => ({
    label: DEFAULT_LABELS[item],
    ...(item === 'nonRootUser' && imageUser.trim() === ''
      ? { description: vscode.l10n.t('the image defines no user') }
      : {}),
    picked: true,
    item,
  }));
  const kept = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Run with these protections (untick one to loosen it)'),
  });
  if (kept === undefined) throw new CancelledError();
  const keptSet = new Set(kept.map((k) => k.item));
  return SECURE_DEFAULTS.filter((item) => !keptSet.has(item));
}

/** A container that stopped right away: say so, with its exit code, instead of silence. */
async function reportEarlyExit(services: DockerServices, id: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const view = await services.watch.client().inspectContainer(id);
  if (view.running) return;
  const message = vscode.l10n.t(
    'Container {0} exited immediately with code {1}.',
    view.name,
    String(view.exitCode),
  );
  services.log.warn(`Docker: ${message}`);
  const showLogs = vscode.l10n.t('Show Logs');
  void vscode.window.showWarningMessage(message, showLogs).then((choice) => {
    if (choice === showLogs) void vscode.commands.executeCommand('openpypi.docker.showLogs', id);
  });
}
