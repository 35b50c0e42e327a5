import type * as AiRuntime from '../../core/ai/aiRuntime';

export type AiRuntimeModule = typeof AiRuntime;

let loading: Promise<AiRuntimeModule> | undefined;

/**
 * Loads the AI runtime (openai SDK, tokenizer, price table) on first use. The build turns this
 * import into a require of dist/ai-runtime.js, a file of its own, so activation never pays for it.
 */
export function loadAiRuntime(): Promise<AiRuntimeModule> {
  loading ??= import('../../core/ai/aiRuntime');
  return loading;
}
