// Types of nodeModules.mjs for the TypeScript unit tests.

export const repoRoot: string;
export function ensureNodeModules(root?: string): Promise<boolean>;
