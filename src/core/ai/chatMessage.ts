/** One message of a chat completion request, as the OpenAI wire format has it. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** Token counts the server reported (or, when it did not, that we counted). */
export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}
