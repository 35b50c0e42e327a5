import * as assert from 'node:assert/strict';
import { ThrottledDebounce, type Timers } from '../../../../src/core/docker/throttledDebounce';

/** A clock that only moves when told to, running due timers in order as it passes them. */
class FakeClock implements Timers {
  private time = 0;
  private next = 0;
  private readonly pending = new Map<number, { due: number; run: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    this.next += 1;
    this.pending.set(this.next, { due: this.time + ms, run });
    return this.next;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Moves to `time`, running every timer due on the way at its own time. */
  advanceTo(time: number): void {
    for (;;) {
      const [id, first] = [...this.pending].sort(([, a], [, b]) => a.due - b.due)[0] ?? [];
      if (id === undefined || first === undefined || first.due > time) break;
      this.pending.delete(id);
      this.time = first.due;
      first.run();
    }
    this.time = time;
  }
}

const WAIT = 300;
const MAX_WAIT = 2000;

/** A ThrottledDebounce on a fake clock whose runs record the time they ran at. */
function onFakeClock(): { clock: FakeClock; runs: number[]; debounce: ThrottledDebounce } {
  const clock = new FakeClock();
  const runs: number[] = [];
  const debounce = new ThrottledDebounce(
    () => runs.push(clock.now()),
    { waitMs: WAIT, maxWaitMs: MAX_WAIT },
    clock,
  );
  return { clock, runs, debounce };
}

/** Triggers at the given times, then lets 10 s pass; resolves with the times `run` ran. */
function runsFor(triggers: readonly number[]): number[] {
  const { clock, runs, debounce } = onFakeClock();
  for (const time of triggers) {
    clock.advanceTo(time);
    debounce.trigger();
  }
  clock.advanceTo((triggers.at(-1) ?? 0) + 10_000);
  return runs;
}

const gaps = (times: readonly number[]): number[] =>
  times.slice(1).map((time, i) => time - (times[i] ?? 0));

describe('ThrottledDebounce (Docker section redraws for engine events)', () => {
  it('runs once, the debounce after a lone trigger', () => {
    assert.deepEqual(runsFor([1000]), [1000 + WAIT]);
  });

  it('runs once for a quick burst, the debounce after its last trigger', () => {
    const burst = Array.from({ length: 5 }, (_, i) => 1000 + i * 100);
    assert.deepEqual(runsFor(burst), [1400 + WAIT]);
  });

  it('runs every 2 s, not once per trigger, for a slow loop (triggers 0.5–1.5 s apart)', () => {
    // A loop of `docker create` on vfs: each create 0.5–1.5 s after the one before, longer than
    // the debounce. A plain 300 ms debounce runs 12 times here.
    const loop = [0, 700, 1900, 2400, 3900, 4500, 5200, 6700, 7300, 8800, 9400, 10_000];
    const runs = runsFor(loop);
    assert.ok(runs.length <= 6, `${String(runs.length)} runs: ${runs.join(', ')}`);
    for (const gap of gaps(runs)) assert.ok(gap >= MAX_WAIT, `runs ${String(gap)} ms apart`);
    // The last state is shown: a run after the last trigger, within 2 s of it.
    const last = runs.at(-1) ?? 0;
    assert.ok(last >= 10_000 && last <= 10_000 + MAX_WAIT, `last run at ${String(last)}`);
  });

  it('still runs every 2 s while triggers never pause for the debounce (max-wait)', () => {
    const stream = Array.from({ length: 100 }, (_, i) => i * 100); // 10 s, every 100 ms
    const runs = runsFor(stream);
    assert.deepEqual(runs.slice(0, 4), [2000, 4000, 6000, 8000]);
    assert.ok(runs.length <= 6);
    assert.ok((runs.at(-1) ?? 0) >= 9900, 'nothing ran after the last trigger');
  });

  it('after a quiet spell, reacts within the debounce again', () => {
    // Busy, then quiet for more than 2 s: the next trigger is drawn after the debounce only.
    const runs = runsFor([0, 100, 200, 5000]);
    assert.deepEqual(runs, [200 + WAIT, 5000 + WAIT]);
  });

  it('drops a pending run when cancelled, and starts afresh after', () => {
    const { clock, runs, debounce } = onFakeClock();
    debounce.trigger();
    clock.advanceTo(100);
    debounce.cancel();
    clock.advanceTo(5000);
    assert.deepEqual(runs, []);
    debounce.trigger();
    clock.advanceTo(10_000);
    assert.deepEqual(runs, [5000 + WAIT]);
  });
});
