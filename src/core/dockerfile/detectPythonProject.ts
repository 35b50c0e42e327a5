import { normalizePackageName } from '../manifests/normalizePackageName';
import { parseTomlManifest, tableAt, type TomlTable } from '../manifests/parseTomlManifest';
import { requirementName } from '../manifests/requirementName';
import type { ProjectFiles } from './projectFiles';
import type { BuildTool, EntryPoint, PythonProject, WebApp, WebFramework } from './pythonProject';
import { choosePythonVersion } from './pythonVersion';

const WEB_FRAMEWORKS: readonly WebFramework[] = [
  'fastapi',
  'starlette',
  'flask',
  'django',
  'aiohttp',
];
const WEB_SERVERS = ['uvicorn', 'gunicorn', 'hypercorn'] as const;
const APP_FILES = ['main.py', 'app.py', 'api.py', 'server.py', 'asgi.py', 'wsgi.py'];
const APP_OBJECT = /^(\w+)\s*(?::\s*[\w.]+\s*)?=\s*(?:\w+\.)?(FastAPI|Starlette|Flask)\(/m;
const DEV_REQUIREMENTS = /dev|test|lint|doc|ci|type/i;

/**
 * Finds what a container build needs to know about the Python project in a folder: build tool
 * (uv.lock / poetry.lock / `[tool.poetry]` / `[tool.uv]` / requirements*.txt / PEP 621), Python
 * version, names, entry point and whether it is a web application.
 * @throws ManifestParseError when pyproject.toml is not valid TOML.
 */
export async function detectPythonProject(files: ProjectFiles): Promise<PythonProject> {
  const pyprojectText = await files.read('pyproject.toml');
  const pyproject: TomlTable =
    pyprojectText === undefined ? {} : parseTomlManifest('pyproject.toml', pyprojectText);
  const project = tableAt(pyproject, ['project']);
  const poetry = tableAt(pyproject, ['tool', 'poetry']);
  const buildSystem = tableAt(pyproject, ['build-system']);
  const rootNames = await files.list('');
  const has = (name: string): boolean => rootNames.includes(name);

  const requirementsFile = mainRequirementsFile(rootNames);
  const buildTool = chooseBuildTool({
    uvLock: has('uv.lock'),
    poetryLock: has('poetry.lock'),
    poetry: poetry !== undefined,
    uv: tableAt(pyproject, ['tool', 'uv']) !== undefined,
    requirements: requirementsFile !== undefined,
    pep621: project !== undefined,
  });

  const dependencies = new Set<string>();
  addRequirements(dependencies, project?.dependencies);
  for (const key of Object.keys(tableAt(poetry, ['dependencies']) ?? {})) {
    if (key !== 'python') {
      dependencies.add(normalizePackageName(key));
    }
  }
  if (requirementsFile !== undefined) {
    const text = (await files.read(requirementsFile)) ?? '';
    addRequirements(dependencies, text.split(/\r?\n/));
  }

  const name = stringAt(project, 'name') ?? stringAt(poetry, 'name') ?? files.folderName;
  const version = stringAt(project, 'version') ?? stringAt(poetry, 'version');
  const packageMode = poetry?.['package-mode'] !== false;
  const installable =
    (buildSystem !== undefined && (buildTool !== 'poetry' || packageMode)) || has('setup.py');
  const packageDir = await findPackage(files, name);
  const importName = packageDir?.split('/').at(-1) ?? (await topLevelModule(files, rootNames));
  const requiresPython =
    stringAt(project, 'requires-python') ?? stringAt(tableAt(poetry, ['dependencies']), 'python');

  const result: PythonProject = {
    name,
    buildTool,
    installable,
    pythonVersion: choosePythonVersion(await files.read('.python-version'), requiresPython),
    requirementsFiles: requirementsFile === undefined ? [] : [requirementsFile],
    hasLockFile: has('uv.lock') || has('poetry.lock'),
    dependencies: [...dependencies].sort(),
  };
  if (version !== undefined) result.version = version;
  if (importName !== undefined) result.importName = importName;
  const backend = stringAt(buildSystem, 'build-backend');
  if (backend !== undefined) result.buildBackend = backend;
  const entryPoint = await findEntryPoint(
    files,
    project,
    poetry,
    installable,
    packageDir,
    importName,
  );
  if (entryPoint !== undefined) result.entryPoint = entryPoint;
  const webApp = await findWebApp(files, result.dependencies, packageDir, rootNames);
  if (webApp !== undefined) result.webApp = webApp;
  return result;
}

function chooseBuildTool(found: {
  uvLock: boolean;
  poetryLock: boolean;
  poetry: boolean;
  uv: boolean;
  requirements: boolean;
  pep621: boolean;
}): BuildTool {
  if (found.uvLock) return 'uv';
  if (found.poetryLock || found.poetry) return 'poetry';
  if (found.uv) return 'uv';
  if (found.requirements) return 'pip';
  return found.pep621 ? 'pep621' : 'pip';
}

function mainRequirementsFile(rootNames: readonly string[]): string | undefined {
  if (rootNames.includes('requirements.txt')) return 'requirements.txt';
  return rootNames
    .filter((name) => /^requirements[\w.-]*\.txt$/.test(name) && !DEV_REQUIREMENTS.test(name))
    .sort()[0];
}

function addRequirements(into: Set<string>, list: unknown): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    const line = typeof item === 'string' ? item.replace(/\s#.*$/, '').trim() : '';
    if (line === '' || line.startsWith('#') || line.startsWith('-')) continue;
    const name = requirementName(line);
    if (name !== undefined) into.add(normalizePackageName(name));
  }
}

function stringAt(table: TomlTable | undefined, key: string): string | undefined {
  const value = table?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The folder of the project's own package: `src/<name>` or `<name>`, else the only package. */
async function findPackage(files: ProjectFiles, name: string): Promise<string | undefined> {
  const wanted = name.toLowerCase().replace(/[-.]+/g, '_');
  const roots = ['src', ''];
  for (const root of roots) {
    const prefix = root === '' ? '' : `${root}/`;
    if ((await files.read(`${prefix}${wanted}/__init__.py`)) !== undefined) {
      return `${prefix}${wanted}`;
    }
  }
  for (const root of roots) {
    const prefix = root === '' ? '' : `${root}/`;
    const packages: string[] = [];
    for (const entry of await files.list(root)) {
      const dir = entry.slice(0, -1);
      if (
        entry.endsWith('/') &&
        /^[A-Za-z_]\w*$/.test(dir) &&
        !/^(tests?|docs?|scripts|examples|migrations|build|dist|venv)$/.test(dir) &&
        (await files.read(`${prefix}${dir}/__init__.py`)) !== undefined
      ) {
        packages.push(`${prefix}${dir}`);
      }
    }
    if (packages.length === 1) return packages[0];
  }
  return undefined;
}

async function topLevelModule(
  files: ProjectFiles,
  rootNames: readonly string[],
): Promise<string | undefined> {
  for (const file of ['main.py', 'app.py']) {
    if (rootNames.includes(file) && (await files.read(file)) !== undefined) {
      return file.slice(0, -3);
    }
  }
  return undefined;
}

async function findEntryPoint(
  files: ProjectFiles,
  project: TomlTable | undefined,
  poetry: TomlTable | undefined,
  installable: boolean,
  packageDir: string | undefined,
  importName: string | undefined,
): Promise<EntryPoint | undefined> {
  if (installable) {
    for (const scripts of [tableAt(project, ['scripts']), tableAt(poetry, ['scripts'])]) {
      const first = Object.keys(scripts ?? {})[0];
      if (first !== undefined && /^[\w.-]+$/.test(first)) return { kind: 'script', name: first };
    }
  }
  if (packageDir !== undefined && importName !== undefined) {
    if ((await files.read(`${packageDir}/__main__.py`)) !== undefined) {
      return { kind: 'module', module: importName };
    }
  }
  if (packageDir === undefined && importName !== undefined) {
    return { kind: 'module', module: importName };
  }
  return undefined;
}

async function findWebApp(
  files: ProjectFiles,
  dependencies: readonly string[],
  packageDir: string | undefined,
  rootNames: readonly string[],
): Promise<WebApp | undefined> {
  const framework = WEB_FRAMEWORKS.find((name) => dependencies.includes(name));
  if (framework === undefined) return undefined;
  const webApp: WebApp = { framework, port: 8000 };
  const server = WEB_SERVERS.find((name) => dependencies.includes(name));
  if (server !== undefined) webApp.server = server;
  const target =
    framework === 'django'
      ? await djangoTarget(files, rootNames)
      : await appObjectTarget(files, packageDir);
  if (target !== undefined) webApp.target = target;
  return webApp;
}

async function appObjectTarget(
  files: ProjectFiles,
  packageDir: string | undefined,
): Promise<string | undefined> {
  const modulePrefix =
    packageDir === undefined ? '' : `${packageDir.replace(/^src\//, '').replaceAll('/', '.')}.`;
  const candidates = [
    ...(packageDir === undefined ? [] : APP_FILES.map((file) => `${packageDir}/${file}`)),
    ...APP_FILES,
  ];
  for (const file of candidates) {
    const text = await files.read(file);
    const match = text === undefined ? null : APP_OBJECT.exec(text);
    if (match !== null) {
      const inPackage = packageDir !== undefined && file.startsWith(`${packageDir}/`);
      const module = `${inPackage ? modulePrefix : ''}${file.split('/').at(-1)?.slice(0, -3) ?? ''}`;
      return `${module}:${match[1] ?? 'app'}`;
    }
  }
  return undefined;
}

async function djangoTarget(
  files: ProjectFiles,
  rootNames: readonly string[],
): Promise<string | undefined> {
  for (const entry of rootNames) {
    if (!entry.endsWith('/')) continue;
    const dir = entry.slice(0, -1);
    const text = await files.read(`${dir}/wsgi.py`);
    if (text?.includes('get_wsgi_application') === true) {
      return `${dir}.wsgi:application`;
    }
  }
  return undefined;
}
