import { CancelledError } from '../../core/errors/cancelledError';

/**
 * The AI runtime is a separate bundle with its own copies of the error classes, so errors
 * coming out of it are recognised by name: a cancellation becomes this bundle's CancelledError
 * (quiet in the command wrapper), everything else passes through unchanged.
 */
export function fromRuntime(error: unknown): unknown {
  if (
    error instanceof Error &&
    error.name === 'CancelledError' &&
    !(error instanceof CancelledError)
  ) {
    return new CancelledError(error.message);
  }
  return error;
}

export function isRuntimeError(error: unknown, name: string): error is Error {
  return error instanceof Error && error.name === name;
}
