/** The build backends a generated pyproject.toml can name. */
export const buildBackends = ['hatchling', 'setuptools', 'poetry', 'uv'] as const;
export type BuildBackend = (typeof buildBackends)[number];

/** What can be added to a project, in the order the flow and `--help` list them. */
export const projectOptions = [
  'docker',
  'ci',
  'security',
  'dependabot',
  'precommit',
  'docs',
  'database',
  'git',
] as const;
export type ProjectOption = (typeof projectOptions)[number];

/** One file of a generated project, its path relative to the project folder with `/`. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** Everything the generator needs to write a project; the flow and the CLI both fill it. */
export interface ProjectSpec {
  readonly template: string;
  /** The distribution name as typed (PEP 508); also the project folder's name. */
  readonly name: string;
  readonly description: string;
  readonly author: string;
  readonly email: string;
  /** An SPDX licence id from spdx-license-list. */
  readonly license: string;
  /** Minor versions, oldest first, e.g. ['3.10', '3.11']. */
  readonly pythonVersions: readonly string[];
  readonly backend: BuildBackend;
  readonly options: readonly ProjectOption[];
  /** Files written by someone else (the AI's first module and tests); they win over templates. */
  readonly extraFiles?: readonly GeneratedFile[];
}

export function isBuildBackend(value: unknown): value is BuildBackend {
  return (buildBackends as readonly unknown[]).includes(value);
}

export function isProjectOption(value: unknown): value is ProjectOption {
  return (projectOptions as readonly unknown[]).includes(value);
}
