import path from 'node:path';
import * as vscode from 'vscode';
import { findExecutable } from '../../core/process/findExecutable';
import { formatCounts, hasFindingsAtOrAbove } from '../../core/docker/imageScanSummary';
import { resolveEngineAddress } from '../../core/docker/engineAddress';
import { engineEnvironment } from '../../core/docker/engineEnvironment';
import { loadDockerRuntime } from './dockerRuntimeLoader';
import { UserError } from '../../core/errors/userError';
import { DOCKERFILE_LABEL } from './buildImage';
import { readDockerSettings } from './dockerSettings';
import type { DockerServices } from './dockerServices';
import { imageTarget } from './dockerTargets';
import { quarantine } from '../../core/docker/quarantine';
import { withCancellableProgress } from '../progress/withCancellableProgress';

/**
 * Scans an image with Trivy (`trivy image --format json`), through the scan engine's Trivy
 * adapter into SARIF: results in the findings view and under the image in the tree; for an image
 * OpenPypi built, base-image results point at the Dockerfile's FROM line. With
 * openpypi.docker.autoQuarantine on, findings at or above the configured severity quarantine it.
 * Resolves with the image id.
 */
export async function scanImage(services: DockerServices, arg: unknown): Promise<string> {
  if (!vscode.workspace.isTrusted) {
    throw new UserError(vscode.l10n.t('Trust this workspace to run Trivy.'));
  }
  const reference = await imageTarget(services.watch, arg);
  const client = services.watch.client();
  const image = await client.inspectImage(reference);
  const settings = readDockerSettings();
  const trivy = await findExecutable({
    name: 'trivy',
    ...(settings.trivyPath === '' ? {} : { explicitPath: settings.trivyPath }),
  });
  if (trivy === undefined) {
    throw new UserError(
      vscode.l10n.t(
        'Trivy is not installed: see https://trivy.dev/latest/getting-started/installation/ or set openpypi.trivy.path.',
      ),
    );
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const root = folder?.uri.fsPath ?? path.dirname(trivy);
  const dockerfilePath = image.labels[DOCKERFILE_LABEL];
  let dockerfile: { path: string; text: string } | undefined;
  if (folder !== undefined && dockerfilePath !== undefined && !dockerfilePath.includes('..')) {
    try {
      const bytes = await vscode.workspace.fs.readFile(
        vscode.Uri.joinPath(folder.uri, dockerfilePath),
      );
      dockerfile = { path: dockerfilePath, text: new TextDecoder().decode(bytes) };
    } catch {
      dockerfile = undefined;
    }
  }
  const address = resolveEngineAddress(settings.address);
  // Trivy reads the image from the same engine OpenPypi shows (DOCKER_HOST, TLS files).
  const engineEnv = await engineEnvironment(address, process.env);
  const env = engineEnv.env;
  const scan = await withCancellableProgress(
    vscode.l10n.t('Trivy: scanning {0}', reference),
    (signal) =>
      loadDockerRuntime()
        .scanImage({
          trivy,
          imageReference: reference,
          root,
          ...(dockerfile === undefined ? {} : { dockerfile }),
          env,
          timeoutMs: settings.scanTimeoutMs,
          signal,
          logger: services.log,
        })
        .finally(() => engineEnv.dispose()),
  );
  services.scans.set({ imageId: image.id, reference, counts: scan.counts, run: scan.run });
  if (folder !== undefined) {
    await services.publishRuns(root, `trivy-image:${image.id}`, [scan.run]);
  }
  services.log.info(`Docker: Trivy on ${reference}: ${formatCounts(scan.counts)}`);
  services.section.redraw();
  if (settings.autoQuarantine && hasFindingsAtOrAbove(scan.counts, settings.quarantineSeverity)) {
    const reason = `Trivy: ${formatCounts(scan.counts)} (at or above ${settings.quarantineSeverity})`;
    const quarantined = await quarantine(client, reference, reason);
    await services.audit.record({ type: 'image.quarantined', image: reference });
    services.scans.set({ imageId: quarantined, reference, counts: scan.counts, run: scan.run });
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} was quarantined: {1}', reference, reason),
    );
    await services.watch.refresh();
  }
  return image.id;
}
