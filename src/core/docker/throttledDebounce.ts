/** The clock and timers ThrottledDebounce uses (the system's, or a fake one in tests). */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export interface ThrottledDebounceOptions {
  /** Quiet time after the last trigger before `run` (the debounce). */
  readonly waitMs: number;
  /**
   * The longest time a trigger waits while triggers keep coming (max-wait), and the shortest
   * time between two runs (throttle).
   */
  readonly maxWaitMs: number;
}

/**
 * Calls `run` once for a series of triggers: `waitMs` after the last trigger, but no later than
 * `maxWaitMs` after the first trigger not yet handled (a steady stream is still shown as it
 * goes), and never sooner than `maxWaitMs` after the previous run (a slow loop of triggers, each
 * further apart than `waitMs`, runs every `maxWaitMs`, not once per trigger). So after the last
 * trigger `run` comes `waitMs` later, or `maxWaitMs` after the previous run if that is later.
 */
export class ThrottledDebounce {
  private timer: unknown;
  private firstPending: number | undefined;
  private lastPending = 0;
  private lastRun = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly run: () => void,
    private readonly options: ThrottledDebounceOptions,
    private readonly timers: Timers = systemTimers,
  ) {}

  trigger(): void {
    const now = this.timers.now();
    this.firstPending ??= now;
    this.lastPending = now;
    const { waitMs, maxWaitMs } = this.options;
    const due = Math.max(
      Math.min(this.lastPending + waitMs, this.firstPending + maxWaitMs),
      this.lastRun + maxWaitMs,
    );
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        this.firstPending = undefined;
        this.lastRun = this.timers.now();
        this.run();
      },
      Math.max(0, due - now),
    );
  }

  /** Drops a pending run. */
  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.firstPending = undefined;
  }
}
