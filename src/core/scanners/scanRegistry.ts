/**
 * At most one run per tool and workspace at a time: a request for a run that is already going
 * joins it and gets the same outcome, instead of starting the tool a second time.
 */
export class ScanRegistry {
  private readonly running = new Map<string, Promise<unknown>>();

  join<T>(key: string, start: () => Promise<T>): { promise: Promise<T>; joined: boolean } {
    const existing = this.running.get(key) as Promise<T> | undefined;
    if (existing !== undefined) {
      return { promise: existing, joined: true };
    }
    const promise = start().finally(() => {
      this.running.delete(key);
    });
    this.running.set(key, promise);
    return { promise, joined: false };
  }

  get size(): number {
    return this.running.size;
  }
}

/** The registry shared by every caller in this process (the extension and the CLI each have one). */
export const defaultScanRegistry = new ScanRegistry();
