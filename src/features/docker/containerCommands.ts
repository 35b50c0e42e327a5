import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import type { DockerServices } from './dockerServices';
import { containerTarget, containerTargets } from './dockerTargets';
import { formatBytes } from './dockerNodes';

export async function stopContainer(services: DockerServices, arg: unknown): Promise<string> {
  const id = await containerTarget(services.watch, arg, (state) => state === 'running');
  await services.watch.client().stopContainer(id);
  await services.watch.refresh();
  return id;
}

export async function restartContainer(services: DockerServices, arg: unknown): Promise<string> {
  const id = await containerTarget(services.watch, arg);
  await services.watch.client().restartContainer(id);
  await services.watch.refresh();
  return id;
}

/** Removes one container or a multi-selection (running ones are stopped first, after asking). */
export async function removeContainers(
  services: DockerServices,
  arg: unknown,
  selected: unknown,
  optionsArg?: unknown,
): Promise<string[]> {
  const ids = await containerTargets(services.watch, arg, selected);
  const confirmed =
    typeof optionsArg === 'object' &&
    optionsArg !== null &&
    (optionsArg as { confirm?: unknown }).confirm === true;
  if (!confirmed) {
    const remove = vscode.l10n.t('Remove');
    const choice = await vscode.window.showWarningMessage(
      ids.length === 1
        ? vscode.l10n.t('Remove this container (stopping it if it runs)?')
        : vscode.l10n.t('Remove {0} containers (stopping those that run)?', String(ids.length)),
      { modal: true },
      remove,
    );
    if (choice !== remove) throw new CancelledError();
  }
  const client = services.watch.client();
  const failed: string[] = [];
  for (const id of ids) {
    try {
      await client.removeContainer(id, { force: true });
    } catch (error) {
      failed.push(`${id.slice(0, 12)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await services.watch.refresh();
  if (failed.length > 0) throw new UserError(vscode.l10n.t('Not removed: {0}', failed.join('; ')));
  return ids;
}

const logChannels = new Map<string, { channel: vscode.OutputChannel; stop: AbortController }>();

/** Streams a container's logs into an output channel of its own until it ends. */
export async function showLogs(services: DockerServices, arg: unknown): Promise<string> {
  const id = await containerTarget(services.watch, arg);
  const client = services.watch.client();
  const view = await client.inspectContainer(id);
  const previous = logChannels.get(view.id);
  previous?.stop.abort();
  const channel =
    previous?.channel ?? vscode.window.createOutputChannel(`OpenPypi Docker: ${view.name}`);
  channel.clear();
  channel.show(true);
  const stop = new AbortController();
  logChannels.set(view.id, { channel, stop });
  void client
    .streamLogs(
      view.id,
      (text) => {
        channel.append(text);
      },
      stop.signal,
    )
    .catch((error: unknown) => {
      channel.appendLine(`[${error instanceof Error ? error.message : String(error)}]`);
    });
  return view.id;
}

export function disposeLogChannels(): void {
  for (const { channel, stop } of logChannels.values()) {
    stop.abort();
    channel.dispose();
  }
  logChannels.clear();
}

/** Removes stopped containers and unused images, after asking; says how much space came back. */
export async function prune(
  services: DockerServices,
  optionsArg?: unknown,
): Promise<{ containersDeleted: number; imagesDeleted: number; spaceReclaimedBytes: number }> {
  const confirmed =
    typeof optionsArg === 'object' &&
    optionsArg !== null &&
    (optionsArg as { confirm?: unknown }).confirm === true;
  // Ask only when there is an engine to prune (a down engine is a warning, not a question).
  const state = await services.watch.refresh();
  if (state.kind === 'down') throw new UserError(state.message);
  if (!confirmed) {
    const pruneLabel = vscode.l10n.t('Prune');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Remove all stopped containers and all images no container uses?'),
      { modal: true },
      pruneLabel,
    );
    if (choice !== pruneLabel) throw new CancelledError();
  }
  const result = await services.watch.client().prune();
  const summary = vscode.l10n.t(
    'Pruned {0} containers and {1} images, {2} reclaimed.',
    String(result.containersDeleted),
    String(result.imagesDeleted),
    formatBytes(result.spaceReclaimedBytes),
  );
  services.log.info(`Docker: ${summary}`);
  void vscode.window.showInformationMessage(summary);
  await services.watch.refresh();
  return result;
}
