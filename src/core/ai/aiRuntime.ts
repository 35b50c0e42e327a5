/**
 * The AI runtime: everything that pulls in the `openai` SDK, the tokenizer and the price table
 * (megabytes). AiProvider loads it with a dynamic import on first use (a validation, an
 * estimate or a request); the build emits it as its own file (dist/ai-runtime.js), so neither
 * activation nor showing the Providers view loads it.
 */
export { OpenAiClient } from './openAiClient';
export type { ChatOptions, ChatRequest, ChatResult, OpenAiClientOptions } from './openAiClient';
export { countPromptTokens, estimateRequestCost, priceUsage } from './costEstimate';
