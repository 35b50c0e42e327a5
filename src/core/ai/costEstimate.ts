/**
 * Token counting and pricing: the heavy half of cost estimation (the tokenizer's BPE ranks and
 * the price table). Part of the lazily loaded AI runtime.
 */
import { calcPrice } from '@pydantic/genai-prices';
import { encodeChat } from 'gpt-tokenizer';
import type { ChatMessage } from './chatMessage';
import type { CostEstimate } from './costFormatting';

type TokenizerModel = NonNullable<Parameters<typeof encodeChat>[1]>;

/** Counts a chat's tokens with the model's own encoding, or o200k (GPT-4o's) when unknown. */
export function countPromptTokens(messages: readonly ChatMessage[], model: string): number {
  const chat = messages.map((m) => ({ role: m.role, content: m.content }));
  try {
    return encodeChat(chat, model as TokenizerModel).length;
  } catch {
    return encodeChat(chat, 'gpt-4o').length;
  }
}

/** The price in US dollars of a usage, or undefined when the model has no known price. */
export function priceUsage(
  model: string,
  promptTokens: number,
  completionTokens: number,
): number | undefined {
  const price = calcPrice({ input_tokens: promptTokens, output_tokens: completionTokens }, model, {
    providerId: 'openai',
  });
  return price ? price.total_price : undefined;
}

export function estimateRequestCost(
  messages: readonly ChatMessage[],
  model: string,
  maxOutputTokens: number,
): CostEstimate {
  const promptTokens = countPromptTokens(messages, model);
  const maxCostUsd = priceUsage(model, promptTokens, maxOutputTokens);
  const inputCostUsd = priceUsage(model, promptTokens, 0);
  return {
    model,
    promptTokens,
    maxOutputTokens,
    ...(maxCostUsd === undefined ? {} : { maxCostUsd }),
    ...(inputCostUsd === undefined ? {} : { inputCostUsd }),
  };
}
