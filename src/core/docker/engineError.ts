import type { EngineTls, TlsFile } from './engineAddress';

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

/** Turns a socket/HTTP failure into an EngineError naming the address (and TLS file to check). */
export function engineErrorFrom(error: unknown, display: string, tls?: EngineTls): EngineError {
  if (error instanceof EngineError) return error;
  const tlsError = tlsErrorFrom(error, display, tls);
  if (tlsError !== undefined) return tlsError;
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

/** Node's codes for a server certificate it could not verify (tls.TLSSocket#authorizationError). */
const UNVERIFIED =
  /^(UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|ERR_TLS_CERT_ALTNAME_INVALID$|HOSTNAME_MISMATCH$|INVALID_CA$|PATH_LENGTH_EXCEEDED$|INVALID_PURPOSE$)/;

/** "openpypi.docker.tlsCaFile (/p/ca.pem)" or "/p/ca.pem (from DOCKER_CERT_PATH)". */
function named(file: TlsFile): string {
  return file.from.startsWith('openpypi.')
    ? `${file.from} (${file.path})`
    : `${file.path} (from ${file.from})`;
}

/**
 * TLS failures, each with what to check: the engine's certificate not verified (the CA), the
 * engine refusing OpenPypi's client certificate or its absence, TLS spoken to a plain engine or
 * plain HTTP to a TLS one.
 */
function tlsErrorFrom(
  error: unknown,
  display: string,
  tls: EngineTls | undefined,
): EngineError | undefined {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    statusCode?: unknown;
    message?: unknown;
    json?: unknown;
  };
  const code = typeof record.code === 'string' ? record.code : '';
  const message = typeof record.message === 'string' ? record.message : '';
  const detail = `${code}${message === '' ? '' : `: ${message.split(/\n|; /)[0] ?? ''}`}`;
  const trusted =
    tls?.ca === undefined
      ? 'a CA this system trusts (openpypi.docker.tlsCaFile is not set)'
      : `the CA in ${named(tls.ca)}`;
  if (UNVERIFIED.test(code)) {
    const what =
      code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? `its certificate is not issued for the host in ${display} (${detail}). Check openpypi.docker.host`
        : `its certificate is not signed by ${trusted} (${detail}). Check openpypi.docker.tlsCaFile: it must name the CA that signed the engine's certificate`;
    return new EngineError(
      `TLS verification of the Docker engine at ${display} failed: ${what}.`,
      'tls',
    );
  }
  if (
    /ALERT_(BAD_CERTIFICATE|CERTIFICATE_REQUIRED|UNKNOWN_CA|CERTIFICATE_UNKNOWN|HANDSHAKE_FAILURE)/.test(
      code,
    )
  ) {
    const what =
      tls?.cert === undefined
        ? 'it requires a client certificate and none is configured. Set openpypi.docker.tlsCertFile and openpypi.docker.tlsKeyFile (or DOCKER_CERT_PATH with cert.pem and key.pem)'
        : `it did not accept the client certificate ${named(tls.cert)}. Check openpypi.docker.tlsCertFile and tlsKeyFile: the certificate must be signed by a CA the engine trusts (its --tlscacert)`;
    return new EngineError(
      `The Docker engine at ${display} refused the TLS connection (${code}): ${what}.`,
      'tls',
    );
  }
  if (code === 'EPROTO' || /wrong version number|packet length too long/i.test(message)) {
    return new EngineError(
      `TLS to the Docker engine at ${display} failed (${detail}): the engine may not use TLS on this port. Check openpypi.docker.host, or set openpypi.docker.tlsVerify to false only if the engine really has no TLS.`,
      'tls',
    );
  }
  const body = typeof record.json === 'string' ? record.json : message;
  if (record.statusCode === 400 && /HTTP request to an HTTPS server/i.test(body)) {
    return new EngineError(
      `The Docker engine at ${display} requires TLS: set openpypi.docker.tlsCaFile, tlsCertFile and tlsKeyFile (or DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH).`,
      'tls',
    );
  }
  if (/CERT|SSL|TLS/i.test(code)) {
    return new EngineError(
      `TLS to the Docker engine at ${display} failed (${detail}): check openpypi.docker.tlsCaFile, tlsCertFile and tlsKeyFile.`,
      'tls',
    );
  }
  return undefined;
}
