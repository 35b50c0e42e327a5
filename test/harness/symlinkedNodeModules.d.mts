// Types of symlinkedNodeModules.mjs for the TypeScript unit tests.

/** Why installing the harness in `harnessDir` is refused (its node_modules is a symlink), or undefined. */
export function symlinkedNodeModulesProblem(harnessDir: string): string | undefined;

/** Where `dir`'s node_modules points when it is a symlink, or undefined. */
export function nodeModulesLinkTarget(dir: string): string | undefined;
