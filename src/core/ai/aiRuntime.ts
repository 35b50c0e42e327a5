/**
 * The AI provider's runtime: everything that pulls in the `openai` SDK, the tokenizer and the
 * price table. The extension loads this module with a dynamic import on first use; the build
 * emits it as its own file (dist/ai-runtime.js) so activation never loads it.
 */
export { AiProvider } from './aiProvider';
export type { AiAnswer, AiProviderOptions, AiPurpose, AiRequest, KeyCheck } from './aiProvider';
export { exceedsLimit, describeEstimate, formatUsd } from './costEstimate';
export type { CostEstimate } from './costEstimate';
