import { detectPythonProject } from '../dockerfile/detectPythonProject';
import type { ProjectFiles } from '../dockerfile/projectFiles';
import { imageName } from '../dockerfile/renderDockerfile';

/**
 * The tag Build Image offers for a build context: the project's name and version from
 * pyproject.toml ([project], else [tool.poetry]); the folder's name and "latest" when there is
 * no project or its pyproject.toml cannot be read.
 */
export async function defaultImageTag(files: ProjectFiles): Promise<string> {
  const project = await detectPythonProject(files).catch(() => undefined);
  return imageName({ name: project?.name ?? files.folderName, version: project?.version });
}
