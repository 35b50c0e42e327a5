import { UserError } from '../../core/errors/userError';
import { distributionNameProblem } from '../../core/generator/projectName';
import {
  isBuildBackend,
  isProjectOption,
  type BuildBackend,
  type ProjectOption,
} from '../../core/generator/projectSpec';
import { parsePythonVersions } from '../../core/generator/pythonVersions';

/** Where the new project goes once written. */
export type OpenChoice = 'newWindow' | 'addToWorkspace' | 'none';

/**
 * Answers to the Create Python Project steps, given by automation and tests as the command's
 * argument; each answer given skips its step. `idea` is the "start from an idea" text.
 */
export interface CreateProjectAnswers {
  readonly template?: string;
  readonly name?: string;
  readonly description?: string;
  readonly author?: string;
  readonly email?: string;
  readonly license?: string;
  readonly pythonVersions?: readonly string[];
  readonly backend?: BuildBackend;
  readonly options?: readonly ProjectOption[];
  readonly idea?: string;
  readonly parent?: string;
  readonly open?: OpenChoice;
  /** Answer to "the AI request costs about …, send it?". */
  readonly confirmCost?: boolean;
}

function text(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new UserError(`Create Python Project: "${key}" must be text.`);
  return value;
}

/** Reads the command argument; anything else than an object means "ask everything". */
export function createProjectAnswers(value: unknown): CreateProjectAnswers {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const name = text(record, 'name');
  if (name !== undefined) {
    const problem = distributionNameProblem(name);
    if (problem !== undefined) throw new UserError(problem);
  }
  const backend = record.backend;
  if (backend !== undefined && !isBuildBackend(backend)) {
    throw new UserError(
      'Create Python Project: "backend" must be hatchling, setuptools, poetry or uv.',
    );
  }
  const options = record.options;
  if (options !== undefined && (!Array.isArray(options) || !options.every(isProjectOption))) {
    throw new UserError(
      `Create Python Project: "options" must be a list of docker, ci, security, dependabot, precommit, docs, database, git.`,
    );
  }
  const python = record.python;
  let pythonVersions: string[] | undefined;
  if (typeof python === 'string') pythonVersions = parsePythonVersions(python);
  else if (Array.isArray(python))
    pythonVersions = parsePythonVersions(python.map(String).join(','));
  const open = record.open;
  if (open !== undefined && open !== 'newWindow' && open !== 'addToWorkspace' && open !== 'none') {
    throw new UserError('Create Python Project: "open" must be newWindow, addToWorkspace or none.');
  }
  const answers: Record<string, unknown> = {
    template: text(record, 'template'),
    name,
    description: text(record, 'description'),
    author: text(record, 'author'),
    email: text(record, 'email'),
    license: text(record, 'license'),
    pythonVersions,
    backend,
    options,
    idea: text(record, 'idea'),
    parent: text(record, 'parent'),
    open,
    confirmCost: typeof record.confirmCost === 'boolean' ? record.confirmCost : undefined,
  };
  return Object.fromEntries(Object.entries(answers).filter(([, entry]) => entry !== undefined));
}
