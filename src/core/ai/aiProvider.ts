import type { AuditEvent, AuditRecorder } from '../audit/auditEvent';
import { CancelledError, isCancelled } from '../errors/cancelledError';
import { describeError } from '../logging/describeError';
import type { Logger } from '../logging/logger';
import { NotConfiguredError } from '../providers/notConfiguredError';
import type { Provider, ProviderCapability, ProviderDetail } from '../providers/provider';
import { connected, failed, notConfigured, type ProviderStatus } from '../providers/providerStatus';
import { defaultValidationTimeoutMs, withTimeout } from '../providers/validationTimeout';
import { secretKeys } from '../secrets/secretKeys';
import type { SecretStore } from '../secrets/secretStore';
import type { AiRequestError } from './aiRequestError';
import type * as AiRuntime from './aiRuntime';
import { aiHost, type AiSettings } from './aiSettings';
import type { ChatMessage } from './chatMessage';
import { describeEstimate, formatUsd, type CostEstimate } from './costFormatting';
import type { ChatResult, OpenAiClient, OpenAiClientOptions } from './openAiClient';
import type { RetryPolicy } from './retryPolicy';
import type { UsageLedger } from './usageLedger';

export interface AiProviderOptions {
  readonly settings: AiSettings;
  readonly secrets: SecretStore;
  readonly usage: UsageLedger;
  readonly audit: AuditRecorder;
  readonly logger: Logger;
  readonly validationTimeoutMs?: number;
  readonly retryPolicy?: RetryPolicy;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type AiPurpose = Extract<AuditEvent, { type: 'ai.request' }>['purpose'];

export interface AiRequest {
  readonly purpose: AiPurpose;
  readonly messages: readonly ChatMessage[];
  readonly maxOutputTokens: number;
}

/** The outcome of checking a key with the service. */
export interface KeyCheck {
  readonly verdict: 'accepted' | 'rejected' | 'unreachable';
  readonly status: ProviderStatus;
}

export interface AiAnswer extends ChatResult {
  readonly estimate: CostEstimate;
  readonly costUsd?: number;
}

type AiRuntimeModule = typeof AiRuntime;

let runtime: Promise<AiRuntimeModule> | undefined;

/**
 * The SDK, tokenizer and price table, loaded on first use. The build emits this module as
 * dist/ai-runtime.js, so the extension's bundle and the Providers view never load it.
 */
function loadRuntime(): Promise<AiRuntimeModule> {
  runtime ??= Promise.resolve().then(
    // A lazy require, not import(): the build turns it into a require of dist/ai-runtime.js,
    // and the unit tests load TypeScript as CommonJS, where import() of a .ts path fails.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => require('./aiRuntime') as AiRuntimeModule,
  );
  return runtime;
}

/**
 * The runtime is a separate bundle with its own copies of the error classes: its errors are
 * recognised by name, not instanceof.
 */
function isAiRequestError(error: unknown): error is AiRequestError {
  return error instanceof Error && error.name === 'AiRequestError' && 'kind' in error;
}

/** Which capabilities the AI provider offers. */
const aiCapabilities: readonly ProviderCapability[] = [
  'chat',
  'explain-finding',
  'fix-code',
  'generate-tests',
  'review-file',
];

/**
 * The AI provider: an OpenAI-compatible chat endpoint reached through the `openai` SDK, its key
 * in the injected SecretStore. Counts tokens and prices each request before it is sent, keeps
 * usage per model, records every request in the audit log (model, tokens, cost; no text).
 */
export class AiProvider implements Provider {
  readonly id = 'ai' as const;
  readonly label = 'AI';
  readonly capabilities = aiCapabilities;
  private currentStatus: ProviderStatus;
  private models: readonly string[] | undefined;
  private client: Promise<OpenAiClient> | undefined;
  private readonly host: string;
  private disposed = false;

  private constructor(
    private readonly options: AiProviderOptions,
    hasKey: boolean,
  ) {
    this.host = aiHost(options.settings);
    this.currentStatus = hasKey
      ? connected(options.settings.model, `${this.host} · key stored, not checked yet`)
      : notConfigured('Sign in with an API key to explain and fix findings with AI.');
  }

  /** Reads whether a key is stored; no network. */
  static async create(options: AiProviderOptions): Promise<AiProvider> {
    const key = await options.secrets.get(secretKeys.ai);
    return new AiProvider(options, key !== undefined && key !== '');
  }

  get status(): ProviderStatus {
    return this.currentStatus;
  }

  get settings(): AiSettings {
    return this.options.settings;
  }

  /** One GET /models with the stored key, bounded by the validation timeout. */
  async validate(signal?: AbortSignal): Promise<ProviderStatus> {
    const key = await this.options.secrets.get(secretKeys.ai);
    if (!key) {
      this.currentStatus = notConfigured(
        'Sign in with an API key to explain and fix findings with AI.',
      );
      return this.currentStatus;
    }
    this.currentStatus = (await this.check(key, signal)).status;
    return this.currentStatus;
  }

  /**
   * Checks a candidate key against the service without storing it (sign-in validates before
   * it stores): accepted, rejected (the server refused the key), or unreachable (offline,
   * timeout, rate limit, server error: the key may still be good).
   */
  async check(key: string, signal?: AbortSignal): Promise<KeyCheck> {
    const timeoutMs = this.options.validationTimeoutMs ?? defaultValidationTimeoutMs;
    const bounded = withTimeout(signal, timeoutMs);
    try {
      const client = await this.connect(key);
      const models = await client.listModels(bounded);
      this.models = models;
      const model = this.options.settings.model;
      if (models.length > 0 && !models.includes(model)) {
        return {
          verdict: 'accepted',
          status: failed(
            `Model not found: "${model}" is not offered by ${this.host} (it offers ${models.slice(0, 5).join(', ')}${models.length > 5 ? ', …' : ''}). Change openpypi.ai.model.`,
          ),
        };
      }
      return { verdict: 'accepted', status: connected(model, this.host) };
    } catch (error) {
      if (signal?.aborted) {
        throw new CancelledError();
      }
      if (isCancelled(error)) {
        return {
          verdict: 'unreachable',
          status: failed(`${this.host} did not answer within ${Math.round(timeoutMs / 1000)} s.`),
        };
      }
      const rejected =
        isAiRequestError(error) &&
        (error.kind === 'invalid-key' || error.kind === 'permission-denied');
      return {
        verdict: rejected ? 'rejected' : 'unreachable',
        status: failed(describeError(error)),
      };
    }
  }

  /** Counts and prices a request before it is sent (loads the tokenizer on first use). */
  async estimate(request: AiRequest): Promise<CostEstimate> {
    const { estimateRequestCost } = await loadRuntime();
    return estimateRequestCost(
      request.messages,
      this.options.settings.model,
      request.maxOutputTokens,
    );
  }

  describe(estimate: CostEstimate): string {
    return describeEstimate(estimate);
  }

  /**
   * Sends a request (streaming), records usage and an audit event whatever the outcome.
   * Throws NotConfiguredError without a key, AiRequestError on a service error,
   * CancelledError when `signal` aborts.
   */
  async send(
    request: AiRequest,
    estimate: CostEstimate,
    options: {
      signal?: AbortSignal;
      onDelta?: (text: string) => void;
      onRetry?: (attempt: number, delayMs: number, error: AiRequestError) => void;
    } = {},
  ): Promise<AiAnswer> {
    const client = await this.requireClient();
    const model = this.options.settings.model;
    const base = {
      type: 'ai.request' as const,
      purpose: request.purpose,
      model,
      host: this.host,
      promptTokens: estimate.promptTokens,
      ...(estimate.maxCostUsd === undefined ? {} : { estimatedCostUsd: estimate.maxCostUsd }),
    };
    let result: ChatResult;
    try {
      result = await client.streamChat(
        { model, messages: request.messages, maxOutputTokens: request.maxOutputTokens },
        options,
      );
    } catch (error) {
      const cancelled = isCancelled(error);
      await this.options.audit.record({ ...base, outcome: cancelled ? 'cancelled' : 'failed' });
      if (
        isAiRequestError(error) &&
        (error.kind === 'invalid-key' || error.kind === 'model-not-found')
      ) {
        this.currentStatus = failed(error.message);
      }
      throw cancelled ? new CancelledError() : error;
    }
    const { countPromptTokens, priceUsage } = await loadRuntime();
    const promptTokens = result.usage?.promptTokens ?? estimate.promptTokens;
    const completionTokens =
      result.usage?.completionTokens ??
      countPromptTokens([{ role: 'assistant', content: result.text }], model);
    const costUsd = priceUsage(model, promptTokens, completionTokens);
    await this.options.usage.record(model, promptTokens, completionTokens, costUsd);
    await this.options.audit.record({
      ...base,
      promptTokens,
      completionTokens,
      ...(costUsd === undefined ? {} : { costUsd }),
      outcome: 'completed',
    });
    return { ...result, estimate, ...(costUsd === undefined ? {} : { costUsd }) };
  }

  /** Records that the user declined a request at the cost confirmation. */
  async declined(request: AiRequest, estimate: CostEstimate): Promise<void> {
    await this.options.audit.record({
      type: 'ai.request',
      purpose: request.purpose,
      model: this.options.settings.model,
      host: this.host,
      promptTokens: estimate.promptTokens,
      ...(estimate.maxCostUsd === undefined ? {} : { estimatedCostUsd: estimate.maxCostUsd }),
      outcome: 'declined',
    });
  }

  details(): readonly ProviderDetail[] {
    if (this.currentStatus.kind === 'not-configured') {
      return [];
    }
    const model = this.options.settings.model;
    const models = this.models ?? [];
    const usage = this.options.usage.thisMonth();
    const total = this.options.usage.totalThisMonth();
    const tokens = total.promptTokens + total.completionTokens;
    return [
      {
        id: 'ai.models',
        label: 'Models',
        description:
          models.length > 0 ? `${models.length} offered · using ${model}` : `using ${model}`,
        icon: 'symbol-class',
        children: (models.length > 0 ? models : [model]).map((id) => ({
          id: `ai.model.${id}`,
          label: id,
          ...(id === model ? { description: 'in use' } : {}),
          icon: id === model ? 'check' : 'circle-outline',
        })),
      },
      {
        id: 'ai.usage',
        label: 'Usage this month',
        description: `${formatTokens(tokens)} tokens · ${formatUsd(total.costUsd)}${total.unpricedRequests > 0 ? ` (+${total.unpricedRequests} unpriced)` : ''}`,
        icon: 'graph',
        children: usage.map(([id, u]) => ({
          id: `ai.usage.${id}`,
          label: id,
          description: `${u.requests} requests · ${formatTokens(u.promptTokens + u.completionTokens)} tokens · ${formatUsd(u.costUsd)}`,
          icon: 'pulse',
        })),
      },
    ];
  }

  dispose(): void {
    this.disposed = true;
    this.client = undefined;
  }

  private async requireClient(): Promise<OpenAiClient> {
    if (this.disposed) {
      throw new Error('The AI provider was replaced; run the command again.');
    }
    if (!this.client) {
      const key = await this.options.secrets.get(secretKeys.ai);
      if (!key) {
        throw new NotConfiguredError(
          'ai',
          'The AI provider is not configured: sign in with an API key first.',
        );
      }
      this.client = this.connect(key);
    }
    return this.client;
  }

  private async connect(apiKey: string): Promise<OpenAiClient> {
    const { OpenAiClient } = await loadRuntime();
    const options: OpenAiClientOptions = {
      apiKey,
      baseUrl: this.options.settings.baseUrl,
      logger: this.options.logger,
      ...(this.options.retryPolicy ? { retryPolicy: this.options.retryPolicy } : {}),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
    };
    return OpenAiClient.connect(options);
  }
}

function formatTokens(count: number): string {
  return count >= 1000 ? `${(count / 1000).toFixed(count >= 10_000 ? 0 : 1)}k` : String(count);
}
