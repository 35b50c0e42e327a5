import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { CancelledError } from '../../core/errors/cancelledError';
import type { DockerEngineWatch } from './dockerEngineWatch';
import { imageLabel, imageReferenceOf, sortContainers, unwrapDockerNode } from './dockerNodes';

/**
 * The image a command works on: an image node, an id or reference string, or (when absent) the
 * person picks one. Strings are used as given: the engine resolves names, ids and digests.
 */
export async function imageTarget(watch: DockerEngineWatch, arg: unknown): Promise<string> {
  const node = unwrapDockerNode(arg);
  if (node?.kind === 'image') return imageReferenceOf(node.image);
  if (typeof arg === 'string' && arg.trim() !== '') return arg.trim();
  if (arg !== undefined && arg !== null) {
    throw new UserError(vscode.l10n.t('Pass an image node, id or name to this command.'));
  }
  const state = await watch.refresh();
  if (state.kind !== 'connected')
    throw new UserError(state.kind === 'down' ? state.message : 'Docker engine not reachable');
  if (state.images.length === 0)
    throw new UserError(vscode.l10n.t('The Docker engine has no images.'));
  const picked = await vscode.window.showQuickPick(
    state.images.map((image) => ({
      label: imageLabel(image),
      description: image.id.replace(/^sha256:/, '').slice(0, 12),
      reference: imageReferenceOf(image),
    })),
    { placeHolder: vscode.l10n.t('Choose an image'), matchOnDescription: true },
  );
  if (picked === undefined) throw new CancelledError();
  return picked.reference;
}

/** The container a command works on (its full id): a node, an id or name string, or a pick. */
export async function containerTarget(
  watch: DockerEngineWatch,
  arg: unknown,
  filter: (state: string) => boolean = () => true,
): Promise<string> {
  const node = unwrapDockerNode(arg);
  if (node?.kind === 'container') return node.container.id;
  // A name or short id: the engine says which container (or "No such container: …").
  if (typeof arg === 'string' && arg.trim() !== '') {
    return (await watch.client().inspectContainer(arg.trim())).id;
  }
  if (arg !== undefined && arg !== null) {
    throw new UserError(vscode.l10n.t('Pass a container node, id or name to this command.'));
  }
  const state = await watch.refresh();
  if (state.kind !== 'connected')
    throw new UserError(state.kind === 'down' ? state.message : 'Docker engine not reachable');
  const containers = sortContainers(state.containers).filter((c) => filter(c.state));
  if (containers.length === 0) throw new UserError(vscode.l10n.t('No container to choose from.'));
  const picked = await vscode.window.showQuickPick(
    containers.map((c) => ({ label: c.name, description: `${c.image} · ${c.state}`, id: c.id })),
    { placeHolder: vscode.l10n.t('Choose a container') },
  );
  if (picked === undefined) throw new CancelledError();
  return picked.id;
}

/** The containers of a multi-selection (clicked node first), or the one target. */
export async function containerTargets(
  watch: DockerEngineWatch,
  arg: unknown,
  selected: unknown,
): Promise<string[]> {
  if (Array.isArray(selected) && selected.length > 1) {
    const ids = selected.flatMap((item) => {
      const node = unwrapDockerNode(item);
      return node?.kind === 'container' ? [node.container.id] : [];
    });
    if (ids.length > 0) return ids;
  }
  if (Array.isArray(arg)) {
    const ids: string[] = [];
    for (const item of arg) ids.push(await containerTarget(watch, item));
    return ids;
  }
  return [await containerTarget(watch, arg)];
}
