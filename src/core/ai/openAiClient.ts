import type OpenAI from 'openai';
import type { Logger } from '../logging/logger';
import { CancelledError } from '../errors/cancelledError';
import { isCancelled } from '../errors/cancelledError';
import type { AiRequestError } from './aiRequestError';
import { classifyFailure, describeAiFailure } from './aiRequestError';
import type { ChatMessage, TokenUsage } from './chatMessage';
import { defaultRetryPolicy, withRetry, type RetryPolicy } from './retryPolicy';

export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly maxOutputTokens: number;
}

export interface ChatResult {
  readonly text: string;
  /** Undefined when the server did not report usage (some local servers do not). */
  readonly usage?: TokenUsage;
  readonly finishReason?: string;
}

export interface ChatOptions {
  readonly signal?: AbortSignal;
  /** Called with each piece of text as it streams in. */
  readonly onDelta?: (text: string) => void;
  readonly onRetry?: (attempt: number, delayMs: number, error: AiRequestError) => void;
}

export interface OpenAiClientOptions {
  readonly apiKey: string;
  readonly baseUrl: string;
  /** Per HTTP request, in milliseconds. */
  readonly timeoutMs?: number;
  readonly retryPolicy?: RetryPolicy;
  readonly logger: Logger;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * The one place that talks to an OpenAI-compatible server, over the official `openai` SDK.
 * The SDK's own retries are off: retries follow OpenPypi's bounded policy, which honours
 * `retry-after` and reports each wait. Errors come out as AiRequestError with a clear message;
 * cancellation as CancelledError.
 */
export class OpenAiClient {
  private readonly host: string;

  private constructor(
    private readonly sdk: OpenAI,
    private readonly options: OpenAiClientOptions,
  ) {
    this.host = new URL(options.baseUrl).host;
  }

  /** Loads the SDK on first use (a dynamic import keeps it out of activation). */
  static async connect(options: OpenAiClientOptions): Promise<OpenAiClient> {
    const { default: OpenAISdk } = await import('openai');
    const sdk = new OpenAISdk({
      apiKey: options.apiKey,
      baseURL: options.baseUrl,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 60_000,
    });
    return new OpenAiClient(sdk, options);
  }

  /** GET /models: the ids the server offers. One round trip, used by validation. */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    const page = await this.retrying(
      () => this.sdk.models.list({ signal: signal ?? null }),
      '',
      signal,
    );
    return page.data.map((model) => model.id).sort();
  }

  /** POST /chat/completions with `stream: true`, feeding `onDelta` as text arrives. */
  async streamChat(request: ChatRequest, options: ChatOptions = {}): Promise<ChatResult> {
    const { signal } = options;
    const stream = await this.retrying(
      () =>
        this.sdk.chat.completions.create(
          {
            model: request.model,
            messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
            max_completion_tokens: request.maxOutputTokens,
            stream: true,
            stream_options: { include_usage: true },
          },
          { signal: signal ?? null },
        ),
      request.model,
      signal,
      options.onRetry,
    );
    let text = '';
    let usage: TokenUsage | undefined;
    let finishReason: string | undefined;
    try {
      for await (const chunk of stream) {
        for (const choice of chunk.choices) {
          const delta = choice.delta.content;
          if (delta) {
            text += delta;
            options.onDelta?.(delta);
          }
          if (choice.finish_reason) {
            finishReason = choice.finish_reason;
          }
        }
        if (chunk.usage) {
          usage = {
            promptTokens: chunk.usage.prompt_tokens,
            completionTokens: chunk.usage.completion_tokens,
          };
        }
      }
    } catch (error) {
      throw this.translate(error, request.model, signal);
    }
    if (signal?.aborted) {
      throw new CancelledError();
    }
    return { text, ...(usage ? { usage } : {}), ...(finishReason ? { finishReason } : {}) };
  }

  /** POST /chat/completions without streaming, for short answers. */
  async chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    const completion = await this.retrying(
      () =>
        this.sdk.chat.completions.create(
          {
            model: request.model,
            messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
            max_completion_tokens: request.maxOutputTokens,
          },
          { signal: signal ?? null },
        ),
      request.model,
      signal,
    );
    const choice = completion.choices[0];
    return {
      text: choice?.message.content ?? '',
      ...(completion.usage
        ? {
            usage: {
              promptTokens: completion.usage.prompt_tokens,
              completionTokens: completion.usage.completion_tokens,
            },
          }
        : {}),
      ...(choice?.finish_reason ? { finishReason: choice.finish_reason } : {}),
    };
  }

  private async retrying<T>(
    operation: () => Promise<T>,
    model: string,
    signal: AbortSignal | undefined,
    onRetry?: (attempt: number, delayMs: number, error: AiRequestError) => void,
  ): Promise<T> {
    try {
      return await withRetry(operation, {
        policy: this.options.retryPolicy ?? defaultRetryPolicy,
        classify: classifyFailure,
        ...(signal ? { signal } : {}),
        ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
        onRetry: (attempt, delayMs, error) => {
          const described = describeAiFailure(error, this.host, model);
          this.options.logger.warn(
            `AI request attempt ${attempt} failed (${described.message}); retrying in ${delayMs} ms`,
          );
          onRetry?.(attempt, delayMs, described);
        },
      });
    } catch (error) {
      throw this.translate(error, model, signal);
    }
  }

  private translate(error: unknown, model: string, signal: AbortSignal | undefined): Error {
    if (
      signal?.aborted ||
      isCancelled(error) ||
      (error instanceof Error && error.name === 'APIUserAbortError')
    ) {
      return new CancelledError();
    }
    return describeAiFailure(error, this.host, model);
  }
}
