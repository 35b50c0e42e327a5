import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { detectPythonProject } from '../dockerfile/detectPythonProject';
import { generateDockerFiles } from '../dockerfile/generateDockerFiles';
import { memoryProjectFiles } from '../dockerfile/projectFiles';
import { licenseText } from './licenseCatalog';
import { projectContext } from './projectContext';
import type { GeneratedFile, ProjectSpec } from './projectSpec';
import { renderTemplate } from './renderTemplate';
import type { ProjectTemplate } from './templateCatalog';

async function filesUnder(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Where the rendered files of one template layer come from. */
interface Layer {
  readonly folder: string;
}

/**
 * The files of a project, rendered in memory: the common layer, the template's files/, each
 * chosen option's layer, the LICENSE, the spec's extra files, and for the `docker` option the
 * Docker feature's own generator (src/core/dockerfile) run over those files: Dockerfile,
 * .dockerignore and, for a web app, compose.yaml. A later layer's file replaces an earlier one at the same path; a file
 * whose template is not empty but renders to whitespace only is left out.
 */
export async function projectFiles(
  spec: ProjectSpec,
  template: ProjectTemplate,
  builtInRoot: string,
  year: number,
): Promise<GeneratedFile[]> {
  const context = projectContext(spec, template, year);
  const layers: Layer[] = [
    { folder: path.join(builtInRoot, '_common') },
    { folder: path.join(template.folder, 'files') },
    ...spec.options.map((option) => ({ folder: path.join(builtInRoot, '_options', option) })),
  ];
  const files = new Map<string, string>();
  for (const layer of layers) {
    for (const relative of await filesUnder(layer.folder)) {
      const source = path.join(layer.folder, relative);
      const raw = await readFile(source, 'utf8');
      const target = renderTemplate(relative.split(path.sep).join('/'), context, source);
      const content = renderTemplate(raw, context, source);
      if (raw.trim() !== '' && content.trim() === '') continue;
      files.set(target, content);
    }
  }
  files.set('LICENSE', licenseText(spec.license, year, spec.author));
  for (const extra of spec.extraFiles ?? []) files.set(extra.path, extra.content);
  if (spec.options.includes('docker')) {
    const project = await detectPythonProject(
      memoryProjectFiles(spec.name, Object.fromEntries(files)),
    );
    for (const file of generateDockerFiles(project).files) files.set(file.path, file.content);
  }
  return [...files].map(([filePath, content]) => ({ path: filePath, content }));
}
