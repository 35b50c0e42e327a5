import type * as SecurityRuntime from '../../core/security/securityRuntime';

let runtime: typeof SecurityRuntime | undefined;

/**
 * The scan engine, SARIF and remediation code, evaluated on first use (a scan, a suppression,
 * an upgrade quick fix), never at activation. The build turns the require into one of
 * dist/security-runtime.js (scripts/lib/lazyRuntimes.mjs).
 */
export function securityRuntime(): typeof SecurityRuntime {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  runtime ??= require('../../core/security/securityRuntime') as typeof SecurityRuntime;
  return runtime;
}
