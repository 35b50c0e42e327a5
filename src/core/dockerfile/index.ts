// Dockerfile generation for a workspace's Python project (vscode-free; used by the Docker
// provider's "Generate Dockerfile" and by the project generator's templates).
export { DEFAULT_PYTHON_VERSION, pinnedBaseImage, SUPPORTED_PYTHON_VERSIONS } from './baseImage';
export { detectPythonProject } from './detectPythonProject';
export {
  generateDockerFiles,
  type GeneratedDockerFiles,
  type GeneratedFile,
} from './generateDockerFiles';
export { folderProjectFiles, memoryProjectFiles, type ProjectFiles } from './projectFiles';
export type { BuildTool, EntryPoint, PythonProject, WebApp, WebFramework } from './pythonProject';
export {
  APP_UID,
  APP_USER,
  imageName,
  POETRY_VERSION,
  renderDockerfile,
  UV_VERSION,
} from './renderDockerfile';
