/**
 * The generator runtime: the Create Python Project flow with the generator core and the SPDX
 * licence texts (megabytes). The build emits it as dist/generator-runtime.js
 * (scripts/lib/lazyRuntimes.mjs); registerGenerator loads it on the command's first use, so
 * activation never evaluates it.
 */
export { createProject } from './createProject';
export type { CreatedProject, GeneratorServices } from './createProject';
