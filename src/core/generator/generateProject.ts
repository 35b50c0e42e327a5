import path from 'node:path';
import { UserError } from '../errors/userError';
import type { Logger } from '../logging/logger';
import { initialCommit } from './gitRepository';
import { checkLicense } from './licenseCatalog';
import { checkDistributionName } from './projectName';
import { projectFiles } from './projectFiles';
import { isBuildBackend, type ProjectSpec } from './projectSpec';
import { findTemplate, loadTemplates } from './templateCatalog';
import { writeProjectAtomically } from './writeProjectAtomically';

export interface GenerateOptions {
  /** The built-in templates folder (templates/ next to dist/). */
  readonly templatesRoot: string;
  /** A user's templates folder (setting or --templates). */
  readonly userTemplates?: string;
  /** The folder the project folder is created in. */
  readonly parent: string;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly onFile?: (written: number, total: number, file: string) => void;
  readonly year?: number;
  readonly gitExecutable?: string;
}

export interface GeneratedProject {
  readonly folder: string;
  readonly files: readonly string[];
}

/**
 * Checks the spec, renders every file in memory and writes the project folder all or nothing
 * (see writeProjectAtomically); with the `git` option, the first commit is made before the
 * folder takes its name, so a failing git leaves nothing behind either.
 */
export async function generateProject(
  spec: ProjectSpec,
  options: GenerateOptions,
): Promise<GeneratedProject> {
  checkDistributionName(spec.name);
  checkLicense(spec.license);
  if (!isBuildBackend(spec.backend)) {
    throw new UserError(
      `"${String(spec.backend)}" is not a build backend (hatchling, setuptools, poetry, uv).`,
    );
  }
  if (spec.pythonVersions.length === 0)
    throw new UserError('At least one Python version is needed.');
  const templates = await loadTemplates(options.templatesRoot, options.userTemplates);
  const template = findTemplate(templates, spec.template);
  const year = options.year ?? new Date().getFullYear();
  const files = await projectFiles(spec, template, options.templatesRoot, year);
  const folder = path.resolve(options.parent, spec.name);
  options.logger.info(
    `Creating ${folder} from the ${template.id} template (${files.length} files)`,
  );
  await writeProjectAtomically(folder, files, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onFile ? { onFile: options.onFile } : {}),
    ...(spec.options.includes('git')
      ? {
          beforeRename: (temporary: string) =>
            initialCommit(
              temporary,
              { name: spec.author, email: spec.email },
              {
                logger: options.logger,
                ...(options.signal ? { signal: options.signal } : {}),
                ...(options.gitExecutable ? { executable: options.gitExecutable } : {}),
              },
            ),
        }
      : {}),
  });
  return { folder, files: files.map((file) => file.path).sort() };
}
