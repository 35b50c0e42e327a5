// The light half of cost estimation: the estimate's shape, the limit check and how it reads.
// Loaded with the extension; the counting and pricing live in costEstimate.ts (lazy runtime).

/**
 * What a request will cost before it is sent: the prompt's tokens counted with the model's
 * tokenizer (gpt-tokenizer, o200k/cl100k), priced with Pydantic's maintained price table
 * (@pydantic/genai-prices). The output is not known yet, so the estimate prices the most the
 * request allows (`maxOutputTokens`): the real cost is at most this.
 */
export interface CostEstimate {
  readonly model: string;
  readonly promptTokens: number;
  readonly maxOutputTokens: number;
  /** Undefined when the price table does not know the model (e.g. a local Ollama model). */
  readonly maxCostUsd?: number;
  readonly inputCostUsd?: number;
}

/** Above the user's limit? An unpriced model never is: there is no price to compare. */
export function exceedsLimit(estimate: CostEstimate, maxCostPerRequest: number): boolean {
  return estimate.maxCostUsd !== undefined && estimate.maxCostUsd > maxCostPerRequest;
}

export function formatUsd(amount: number): string {
  if (amount === 0) return '$0';
  if (amount < 0.0001) return '<$0.0001';
  if (amount < 0.01) return `$${amount.toFixed(4)}`;
  return `$${amount.toFixed(2)}`;
}

/** "1,234 tokens in, up to 800 out, at most $0.0021" */
export function describeEstimate(estimate: CostEstimate): string {
  const cost =
    estimate.maxCostUsd === undefined
      ? `no known price for ${estimate.model}`
      : `at most ${formatUsd(estimate.maxCostUsd)}`;
  return `${estimate.promptTokens.toLocaleString('en-US')} tokens in, up to ${estimate.maxOutputTokens.toLocaleString('en-US')} out, ${cost}`;
}
