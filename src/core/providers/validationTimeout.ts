/** How long one validation round trip may take before it counts as failed. */
export const defaultValidationTimeoutMs = 15_000;

/** A signal that aborts when `signal` does or after `timeoutMs`, whichever comes first. */
export function withTimeout(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}
