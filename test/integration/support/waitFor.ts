/**
 * Polls `check` until it returns true; throws `message` when `timeoutMs` passes first. For state
 * the workbench reaches on its own (activation on startup), never for measuring speed.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
