import type { PythonProject } from './pythonProject';
import { renderCompose } from './renderCompose';
import { renderDockerfile } from './renderDockerfile';
import { renderDockerignore } from './renderDockerignore';

export interface GeneratedFile {
  /** Relative posix path in the project folder. */
  path: string;
  content: string;
}

export interface GeneratedDockerFiles {
  /** Dockerfile, .dockerignore, and compose.yaml for a web application. */
  files: GeneratedFile[];
  /** Things the person should check, in plain words (for example a web app without a server). */
  warnings: string[];
}

/** Everything "Generate Dockerfile" writes for a project, and what to double-check. */
export function generateDockerFiles(project: PythonProject): GeneratedDockerFiles {
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', content: renderDockerfile(project) },
    { path: '.dockerignore', content: renderDockerignore() },
  ];
  const compose = renderCompose(project);
  if (compose !== undefined) files.push({ path: 'compose.yaml', content: compose });
  return { files, warnings: warningsFor(project) };
}

function warningsFor(project: PythonProject): string[] {
  const warnings: string[] = [];
  const web = project.webApp;
  if (web !== undefined) {
    if (web.target === undefined) {
      warnings.push(
        `${web.framework} is a dependency but its application object was not found; edit CMD in the Dockerfile.`,
      );
    }
    const asgi = web.framework === 'fastapi' || web.framework === 'starlette';
    if (web.target !== undefined && asgi && web.server === undefined) {
      warnings.push(
        'The Dockerfile starts the app with uvicorn, which is not among the dependencies: add it.',
      );
    }
    if (web.framework === 'django' && web.server === undefined) {
      warnings.push(
        'The Dockerfile starts Django with its development server: add gunicorn for production.',
      );
    }
  }
  if (web === undefined && project.entryPoint === undefined) {
    warnings.push(
      'No entry point was found (no script, no __main__.py): edit CMD in the Dockerfile.',
    );
  }
  if (
    project.buildTool === 'pip' &&
    project.requirementsFiles.length === 0 &&
    !project.installable
  ) {
    warnings.push('No requirements file and no build system: the image installs no dependencies.');
  }
  return warnings;
}
