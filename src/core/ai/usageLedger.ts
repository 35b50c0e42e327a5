/** Memento-shaped storage (VS Code's globalState fits it as is). */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** What one model cost in one month. Counts only: no prompt text is ever kept. */
export interface ModelUsage {
  readonly requests: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly costUsd: number;
  /** Requests whose model had no known price: their cost is missing from costUsd. */
  readonly unpricedRequests: number;
}

/** Month ("2026-11") → model → usage. */
type UsageRecord = Record<string, Record<string, ModelUsage>>;

export const usageStorageKey = 'openpypi.ai.usage';

const emptyUsage: ModelUsage = {
  requests: 0,
  promptTokens: 0,
  completionTokens: 0,
  costUsd: 0,
  unpricedRequests: 0,
};

export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Usage and spend per model, kept in globalState and shown under the AI node. */
export class UsageLedger {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(
    model: string,
    promptTokens: number,
    completionTokens: number,
    costUsd: number | undefined,
  ): Promise<void> {
    const all = this.all();
    const month = monthOf(this.now());
    const models = { ...(all[month] ?? {}) };
    const before = models[model] ?? emptyUsage;
    models[model] = {
      requests: before.requests + 1,
      promptTokens: before.promptTokens + promptTokens,
      completionTokens: before.completionTokens + completionTokens,
      costUsd: before.costUsd + (costUsd ?? 0),
      unpricedRequests: before.unpricedRequests + (costUsd === undefined ? 1 : 0),
    };
    await this.store.update(usageStorageKey, { ...all, [month]: models });
  }

  /** This month's usage per model, most expensive first. */
  thisMonth(): [string, ModelUsage][] {
    const models = this.all()[monthOf(this.now())] ?? {};
    return Object.entries(models).sort(
      ([a, x], [b, y]) => y.costUsd - x.costUsd || a.localeCompare(b),
    );
  }

  totalThisMonth(): ModelUsage {
    return this.thisMonth().reduce<ModelUsage>(
      (sum, [, usage]) => ({
        requests: sum.requests + usage.requests,
        promptTokens: sum.promptTokens + usage.promptTokens,
        completionTokens: sum.completionTokens + usage.completionTokens,
        costUsd: sum.costUsd + usage.costUsd,
        unpricedRequests: sum.unpricedRequests + usage.unpricedRequests,
      }),
      emptyUsage,
    );
  }

  private all(): UsageRecord {
    const value = this.store.get(usageStorageKey);
    return typeof value === 'object' && value !== null ? (value as UsageRecord) : {};
  }
}
