import * as vscode from 'vscode';
import { quarantine, release } from '../../core/docker/quarantine';
import { CancelledError } from '../../core/errors/cancelledError';
import type { DockerServices } from './dockerServices';
import { imageTarget } from './dockerTargets';

/**
 * Quarantines an image: a `quarantine/…` tag on a labelled copy of it (openpypi.quarantine=<reason>,
 * made without running anything from the image), then every original tag removed, so it cannot
 * be run by its old name; Run refuses it. Recorded in the audit log.
 * Resolves with the id of the quarantine image. On failure nothing is left half-done.
 */
export async function quarantineImage(
  services: DockerServices,
  arg: unknown,
  reasonArg?: unknown,
): Promise<string> {
  const reference = await imageTarget(services.watch, arg);
  let reason = typeof reasonArg === 'string' ? reasonArg.trim() : '';
  if (reason === '') {
    reason =
      (await vscode.window.showInputBox({
        prompt: vscode.l10n.t('Why is {0} quarantined?', reference),
        value: vscode.l10n.t('quarantined by hand'),
      })) ?? '';
    if (reason.trim() === '') throw new CancelledError();
  }
  const id = await quarantine(services.watch.client(), reference, reason);
  await services.audit.record({ type: 'image.quarantined', image: reference });
  services.log.info(`Docker: ${reference} quarantined (${reason})`);
  await services.watch.refresh();
  return id;
}

/** Restores a quarantined image's original tags and removes its quarantine image. */
export async function releaseImage(services: DockerServices, arg: unknown): Promise<string> {
  const reference = await imageTarget(services.watch, arg);
  const { id, tags } = await release(services.watch.client(), reference);
  await services.audit.record({ type: 'image.released', image: tags[0] ?? reference });
  services.log.info(`Docker: ${tags.join(', ')} released from quarantine`);
  await services.watch.refresh();
  return id;
}
