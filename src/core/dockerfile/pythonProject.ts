/** How a Python project installs its dependencies, as far as a container build cares. */
export type BuildTool = 'pip' | 'poetry' | 'uv' | 'pep621';

/** How the container starts the program. */
export type EntryPoint =
  /** A console script declared in pyproject.toml (`[project.scripts]`, `[tool.poetry.scripts]`). */
  | { kind: 'script'; name: string }
  /** `python -m <module>` (a package with `__main__.py`, or a top-level module). */
  | { kind: 'module'; module: string };

export type WebFramework = 'fastapi' | 'starlette' | 'flask' | 'django' | 'aiohttp';

/** A web application found in the project: what serves it and on which port. */
export interface WebApp {
  framework: WebFramework;
  /**
   * The ASGI/WSGI target (`package.main:app`, `site.wsgi:application`), or undefined when the
   * framework was found in the dependencies but the application object was not.
   */
  target?: string;
  /** The ASGI/WSGI server among the dependencies (`uvicorn`, `gunicorn`, `hypercorn`), if any. */
  server?: 'uvicorn' | 'gunicorn' | 'hypercorn';
  port: number;
}

/** What the Dockerfile generator needs to know about a workspace's Python project. */
export interface PythonProject {
  /** The distribution name (`[project] name`), or the folder name when none is declared. */
  name: string;
  /** The declared version, when there is one. */
  version?: string;
  /** The import name of the project's own package or module, when one was found. */
  importName?: string;
  buildTool: BuildTool;
  /** `[build-system] build-backend`, when declared (`hatchling.build`, `poetry.core.masonry.api`). */
  buildBackend?: string;
  /** Whether `pip install .` can install the project itself (a build system or setup.py). */
  installable: boolean;
  /** Major.minor of the Python the project wants (`3.12`). */
  pythonVersion: string;
  /** requirements files for the pip build tool, relative posix paths, the main one first. */
  requirementsFiles: readonly string[];
  /** poetry.lock or uv.lock present. */
  hasLockFile: boolean;
  /** The project's normalised dependency names (PEP 503), main dependencies only. */
  dependencies: readonly string[];
  entryPoint?: EntryPoint;
  webApp?: WebApp;
}
