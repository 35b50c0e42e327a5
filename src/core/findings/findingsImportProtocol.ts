import type { ImportProblem } from '../sarif/importProblem';
import type { Finding } from './finding';

/** What the import worker is asked to do. */
export interface WorkerRequest {
  readonly file: string;
  readonly root: string;
}

/** What it answers: chunks of findings, then done (or an error). */
export type WorkerReply =
  | { readonly kind: 'findings'; readonly findings: Finding[] }
  | { readonly kind: 'done'; readonly total: number; readonly problems: ImportProblem[] }
  | { readonly kind: 'error'; readonly message: string };
