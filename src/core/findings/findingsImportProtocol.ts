import type { ImportProblem } from '../sarif/importProblem';

/** What the import worker is asked to do. */
export interface WorkerRequest {
  readonly file: string;
  readonly root: string;
}

/**
 * What the extension host sends: an import to start (one at a time per worker: the worker takes
 * the next one once it has answered done or error), or a pull, when it has taken the last chunk
 * and wants the next one.
 */
export type WorkerCommand =
  { readonly kind: 'import'; readonly request: WorkerRequest } | { readonly kind: 'next' };

/**
 * What it answers: chunks of findings (findingsWireFormat.ts), then done (or an error). It sends
 * the next chunk only when the extension host asks for it with a pull, so the host handles one
 * chunk per turn of its event loop instead of a backlog in one stretch.
 */
export type WorkerReply =
  | { readonly kind: 'findings'; readonly chunk: string }
  | { readonly kind: 'done'; readonly total: number; readonly problems: ImportProblem[] }
  /** `name` is the error's class name (SarifImportError for a log that cannot be read). */
  | { readonly kind: 'error'; readonly name: string; readonly message: string };
