import type * as DockerRuntime from '../../core/docker/dockerRuntime';

let runtime: typeof DockerRuntime | undefined;

/**
 * dockerode, the Trivy image scan and the Dockerfile generator, loaded on first use. The build
 * emits ./dockerRuntime as dist/docker-runtime.js (scripts/lib/lazyRuntimes.mjs), so activation
 * and the Providers view never load them.
 */
export function loadDockerRuntime(): typeof DockerRuntime {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  runtime ??= require('../../core/docker/dockerRuntime') as typeof DockerRuntime;
  return runtime;
}
