import type { Plugin } from 'esbuild';

export function runtimeBundleName(moduleName: string): string;
export function lazyRuntimeEntries(root: string): Record<string, string>;
export function lazyRuntimesPlugin(root: string): Plugin;
