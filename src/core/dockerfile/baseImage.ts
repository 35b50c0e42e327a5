/**
 * The runtime base image: Docker's official slim Python image on Debian bookworm, pinned to a
 * full patch release so a rebuild does not silently move to another interpreter (Trivy DS-0001
 * flags a floating `latest`). Update these pins together with the tests that name them.
 */
const PINNED_PATCH_RELEASES: Readonly<Record<string, string>> = {
  '3.9': '3.9.21',
  '3.10': '3.10.16',
  '3.11': '3.11.11',
  '3.12': '3.12.8',
  '3.13': '3.13.1',
};

export const SUPPORTED_PYTHON_VERSIONS: readonly string[] = Object.keys(PINNED_PATCH_RELEASES);
export const DEFAULT_PYTHON_VERSION = '3.12';

/** `python:3.12.8-slim-bookworm` for `3.12`; the default version's image for an unknown one. */
export function pinnedBaseImage(pythonVersion: string): string {
  const patch =
    PINNED_PATCH_RELEASES[pythonVersion] ?? PINNED_PATCH_RELEASES[DEFAULT_PYTHON_VERSION] ?? '';
  return `python:${patch}-slim-bookworm`;
}
