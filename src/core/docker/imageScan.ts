import type { Location, Run } from 'sarif';
import type { Logger } from '../logging/logger';
import { runProcess } from '../process/runProcess';
import { fileArtifactLocation } from '../scanners/artifactLocation';
import { UserError } from '../errors/userError';
import { parseTrivy } from '../scanners/trivy';
import { severityCounts, type SeverityCounts } from './imageScanSummary';

export interface ImageScanRequest {
  readonly trivy: string;
  readonly imageReference: string;
  /** The workspace folder (absolute), for the SARIF run's root and the Dockerfile's path. */
  readonly root: string;
  /** The workspace Dockerfile the image was built from, relative posix path, with its text. */
  readonly dockerfile?: { readonly path: string; readonly text: string };
  /** Trivy's environment: DOCKER_HOST of the engine OpenPypi uses. */
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly logger: Logger;
}

export interface ImageScan {
  readonly run: Run;
  readonly counts: SeverityCounts;
}

/** `trivy image` arguments: JSON with every package, vulnerabilities only, no progress bar. */
export function trivyImageArgs(imageReference: string): string[] {
  return [
    'image',
    '--format',
    'json',
    '--scanners',
    'vuln',
    '--list-all-pkgs',
    '--quiet',
    '--',
    imageReference,
  ];
}

/**
 * Scans an image with Trivy and turns its report into one SARIF run through the scan engine's
 * Trivy adapter. When the image was built from a workspace Dockerfile, results about the base
 * image's OS packages also point at that Dockerfile's final `FROM` line.
 */
export async function scanImage(request: ImageScanRequest): Promise<ImageScan> {
  const outcome = await runProcess({
    executable: request.trivy,
    args: trivyImageArgs(request.imageReference),
    cwd: request.root,
    env: request.env,
    timeoutMs: request.timeoutMs,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    logger: request.logger,
  });
  if (outcome.exitCode !== 0) {
    const detail = outcome.stderrTail.trim().split('\n').slice(-3).join(' ');
    throw new UserError(
      `Trivy could not scan ${request.imageReference} (exit code ${String(outcome.exitCode)})${detail === '' ? '' : `: ${detail}`}`,
    );
  }
  const run = parseTrivy(outcome.stdout, {
    root: request.root,
    imageReference: request.imageReference,
  });
  if (request.dockerfile !== undefined) {
    pointBaseImageResultsAtFrom(run, request.root, request.dockerfile);
  }
  return { run, counts: severityCounts(run) };
}

/** The line (1-based) of the last FROM of a Dockerfile: the runtime stage's base image. */
export function finalFromLine(dockerfile: string): number | undefined {
  let line: number | undefined;
  dockerfile.split(/\r?\n/).forEach((text, index) => {
    if (/^\s*FROM\s/i.test(text)) line = index + 1;
  });
  return line;
}

function pointBaseImageResultsAtFrom(
  run: Run,
  root: string,
  dockerfile: { path: string; text: string },
): void {
  const line = finalFromLine(dockerfile.text);
  if (line === undefined) return;
  const lineText = dockerfile.text.split(/\r?\n/)[line - 1] ?? '';
  const { artifactLocation } = fileArtifactLocation(root, dockerfile.path);
  for (const result of run.results ?? []) {
    const first = result.locations?.[0];
    const isOsPackage =
      first?.properties?.['openpypi/artifactKind'] === 'container-image' &&
      first.properties['openpypi/pathInImage'] === undefined;
    if (!isOsPackage) continue;
    const from: Location = {
      physicalLocation: {
        artifactLocation,
        region: { startLine: line, startColumn: 1, endColumn: lineText.length + 1 },
      },
      message: { text: 'The base image this result comes from' },
    };
    result.locations = [from, ...(result.locations ?? [])];
  }
}
