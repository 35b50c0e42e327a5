/** Why the engine could not be used: the tree shows it as the provider's state, not a popup. */
export type EngineProblem = 'not-reachable' | 'permission-denied' | 'tls' | 'api';

/** An engine call that failed, with a message that says where and what to do. */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly problem: EngineProblem,
    /** HTTP status from the engine (404 no such image, 409 conflict...), when it answered. */
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Turns a socket/HTTP failure into an EngineError naming the address. */
export function engineErrorFrom(error: unknown, display: string): EngineError {
  if (error instanceof EngineError) return error;
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    statusCode?: unknown;
    message?: unknown;
    json?: unknown;
  };
  const code = typeof record.code === 'string' ? record.code : undefined;
  const message = typeof record.message === 'string' ? record.message : String(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return new EngineError(
      `Permission denied on the Docker socket ${display}: add your user to the "docker" group (then sign in again) or point openpypi.docker.host at an engine you may use.`,
      'permission-denied',
    );
  }
  if (
    code === 'ENOENT' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENOTFOUND' ||
    code === 'ETIMEDOUT' ||
    code === 'EPIPE'
  ) {
    return new EngineError(`Docker engine not reachable at ${display}`, 'not-reachable');
  }
  if (code !== undefined && /CERT|SSL|TLS/i.test(code)) {
    return new EngineError(
      `TLS to the Docker engine at ${display} failed (${code}): check openpypi.docker.tlsCaFile, tlsCertFile and tlsKeyFile.`,
      'tls',
    );
  }
  const status = typeof record.statusCode === 'number' ? record.statusCode : undefined;
  const engineMessage =
    engineMessageOf(record.json) ?? message.replace(/^\(HTTP code \d+\)\s*[\w ]*-\s*/, '');
  return new EngineError(engineMessage.trim(), 'api', status);
}

function engineMessageOf(json: unknown): string | undefined {
  if (typeof json === 'object' && json !== null && 'message' in json) {
    const value = (json as { message?: unknown }).message;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/**
 * The runtime bundle has its own copy of EngineError, so errors from it are recognised by name.
 */
export function asEngineError(error: unknown): EngineError | undefined {
  if (error instanceof EngineError) return error;
  if (error instanceof Error && error.name === 'EngineError' && 'problem' in error) {
    return error as EngineError;
  }
  return undefined;
}

/** The engine cannot be used at all (down, no permission, TLS), as opposed to a refused request. */
export function isEngineDown(error: unknown): boolean {
  const engineError = asEngineError(error);
  return engineError !== undefined && engineError.problem !== 'api';
}
