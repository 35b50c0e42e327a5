import type * as CloudRuntime from './cloudRuntime';

export type CloudRuntimeModule = typeof CloudRuntime;

let runtime: CloudRuntimeModule | undefined;

/**
 * kubernetes-models and hcl2json, loaded on the first check. The build emits the runtime as
 * dist/cloud-runtime.js and turns this require into a require of that file, so activation
 * and the Providers view never load it.
 */
export function loadCloudRuntime(): CloudRuntimeModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  runtime ??= require('./cloudRuntime') as CloudRuntimeModule;
  return runtime;
}
