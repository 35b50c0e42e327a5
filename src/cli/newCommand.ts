import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { builtInTemplatesFolder } from '../core/generator/builtInTemplates';
import { generateProject } from '../core/generator/generateProject';
import { gitConfigValue } from '../core/generator/gitRepository';
import { distributionNameProblem } from '../core/generator/projectName';
import {
  isBuildBackend,
  projectOptions,
  type ProjectOption,
  type ProjectSpec,
} from '../core/generator/projectSpec';
import { parsePythonVersions } from '../core/generator/pythonVersions';
import type { CliIo } from './cliIo';
import { CliUsageError } from './cliUsageError';
import { EXIT_OK, EXIT_UNUSABLE } from './exitCodes';

/** Asks one yes/no question on a terminal; the CLI only asks when stdin is one. */
export type Confirm = (question: string) => Promise<boolean>;

async function terminalConfirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

function optionFlags(): Record<string, { type: 'boolean' }> {
  return Object.fromEntries(projectOptions.map((option) => [option, { type: 'boolean' }]));
}

/**
 * `openpypi new NAME [--template T] [--backend B] [--python 3.10-3.13] [--docker --ci ...]
 * [--all] [--yes] [--dir PATH]`: the same generator as the editor's Create Python Project.
 */
export async function newCommand(
  args: readonly string[],
  io: CliIo,
  confirm: Confirm | undefined = process.stdin.isTTY ? terminalConfirm : undefined,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      template: { type: 'string', default: 'library' },
      backend: { type: 'string', default: 'hatchling' },
      python: { type: 'string', default: '3.10-3.13' },
      description: { type: 'string' },
      author: { type: 'string' },
      email: { type: 'string' },
      license: { type: 'string', default: 'MIT' },
      templates: { type: 'string' },
      dir: { type: 'string' },
      all: { type: 'boolean' },
      'pre-commit': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
      ...optionFlags(),
    },
  });
  const [name, ...extra] = positionals;
  if (name === undefined || extra.length > 0) {
    throw new CliUsageError('new needs one project name: openpypi new NAME [options]');
  }
  const problem = distributionNameProblem(name);
  if (problem !== undefined) throw new CliUsageError(problem);
  if (!isBuildBackend(values.backend)) {
    throw new CliUsageError(
      `--backend must be hatchling, setuptools, poetry or uv, not "${values.backend}".`,
    );
  }
  const chosen = values as Record<string, unknown>;
  const options: ProjectOption[] = projectOptions.filter(
    (option) =>
      chosen[option] === true ||
      (option === 'precommit' && values['pre-commit'] === true) ||
      values.all === true,
  );
  const parent = path.resolve(io.cwd, values.dir ?? '.');
  const gitOptions = { logger: io.logger, env: io.env };
  const spec: ProjectSpec = {
    template: values.template,
    name,
    description: values.description ?? `${name}: a Python project`,
    author: values.author ?? (await gitConfigValue(parent, 'user.name', gitOptions)),
    email: values.email ?? (await gitConfigValue(parent, 'user.email', gitOptions)),
    license: values.license,
    pythonVersions: parsePythonVersions(values.python),
    backend: values.backend,
    options,
  };
  const target = path.join(parent, name);
  const summary =
    `${target}: ${spec.template} template, ${spec.backend}, Python ${spec.pythonVersions.join(', ')}, ` +
    `${spec.license}, options: ${options.join(', ') || 'none'}`;
  if (values.yes !== true) {
    if (confirm === undefined) {
      throw new CliUsageError(`Not a terminal: add --yes to create ${summary}`);
    }
    if (!(await confirm(`Create ${summary}?`))) {
      io.stderr('Nothing was created.\n');
      return EXIT_UNUSABLE;
    }
  }
  const project = await generateProject(spec, {
    templatesRoot: builtInTemplatesFolder(__dirname),
    ...(values.templates === undefined
      ? {}
      : { userTemplates: path.resolve(io.cwd, values.templates) }),
    parent,
    logger: io.logger,
    ...(io.signal ? { signal: io.signal } : {}),
  });
  io.logger.info(`Created ${project.files.length} files in ${project.folder}`);
  io.stdout(`${project.folder}\n`);
  return EXIT_OK;
}
