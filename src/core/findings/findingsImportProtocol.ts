import type { ImportProblem } from '../sarif/importProblem';

/** What the import worker is asked to do. */
export interface WorkerRequest {
  readonly file: string;
  readonly root: string;
}

/**
 * What it answers: chunks of findings (findingsWireFormat.ts), then done (or an error). It sends
 * the next chunk only when the extension host asks for it with a `WorkerPull`, so the host
 * handles one chunk per turn of its event loop instead of a backlog in one stretch.
 */
export type WorkerReply =
  | { readonly kind: 'findings'; readonly chunk: string }
  | { readonly kind: 'done'; readonly total: number; readonly problems: ImportProblem[] }
  /** `name` is the error's class name (SarifImportError for a log that cannot be read). */
  | { readonly kind: 'error'; readonly name: string; readonly message: string };

/** The extension host has taken the last chunk and wants the next one. */
export interface WorkerPull {
  readonly kind: 'next';
}
