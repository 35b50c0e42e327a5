// The AI provider (status, validation, cost checks, requests). The build emits this as
// dist/ai-provider-runtime.js, which the Providers feature loads when it first builds the AI
// provider (the view draws the AI row or an AI command runs), not at activation
// (scripts/lib/lazyRuntimes.mjs). The OpenAI SDK loads later still (dist/ai-runtime.js).
export { AiProvider } from './aiProvider';
