import type { Level } from '../core/sarif/summariseLog';
import { CliUsageError } from './cliUsageError';

/** The `--fail-on` threshold: a level, or `none` to never fail on findings. */
export type FailOn = Exclude<Level, 'none'> | 'none';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'none'];

export function parseFailOn(value: string | undefined): FailOn {
  const chosen = value ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(chosen)) {
    throw new CliUsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}; got "${chosen}".`);
  }
  return chosen as FailOn;
}
