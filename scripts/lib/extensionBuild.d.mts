import type { BuildOptions, Plugin } from 'esbuild';

export const vscodeOnce: Plugin;
export function extensionBuildOptions(root: string): BuildOptions;
