// Types of scripts/npmAuditToSarif.mjs, for the unit tests in TypeScript.
import type { Log } from 'sarif';
export declare function npmAuditToSarif(
  auditJson: unknown,
  options?: { source?: string; lockfileText?: string; lockfileUri?: string; npmVersion?: string },
): Log;
