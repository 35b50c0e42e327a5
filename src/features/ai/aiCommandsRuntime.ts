// The AI commands' code. The build emits it as dist/ai-commands-runtime.js, which registerAi
// loads when an AI command first runs (scripts/lib/lazyRuntimes.mjs), so the extension's own
// bundle carries only the registration, the light bulb and the fix preview documents.
export { explainFinding } from './explainFinding';
export { fixWithAi } from './fixWithAi';
export { generateTests } from './generateTests';
export { reviewFile } from './reviewFile';
