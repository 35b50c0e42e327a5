import * as assert from 'node:assert/strict';
import path from 'node:path';
import { parse } from 'yaml';
import { pinnedBaseImage } from '../../../../src/core/dockerfile/baseImage';
import { detectPythonProject } from '../../../../src/core/dockerfile/detectPythonProject';
import { generateDockerFiles } from '../../../../src/core/dockerfile/generateDockerFiles';
import {
  folderProjectFiles,
  memoryProjectFiles,
} from '../../../../src/core/dockerfile/projectFiles';
import type { PythonProject } from '../../../../src/core/dockerfile/pythonProject';
import { choosePythonVersion } from '../../../../src/core/dockerfile/pythonVersion';
import { imageName, renderDockerfile } from '../../../../src/core/dockerfile/renderDockerfile';
import { ManifestParseError } from '../../../../src/core/manifests/manifestParseError';
import {
  MIRRORED_TRIVY_CHECKS,
  trivyDockerfileViolations,
} from '../../../support/trivyDockerfileRules';

const repoRoot = path.resolve(__dirname, '../../../..');

const projects: Record<string, Record<string, string>> = {
  pip: {
    'requirements.txt': 'requests==2.32.3\n# a comment\n-r other.txt\n',
    'requirements-dev.txt': 'pytest\n',
    'tool/__init__.py': '',
    'tool/__main__.py': 'print("hi")\n',
  },
  poetry: {
    'pyproject.toml': [
      '[tool.poetry]',
      'name = "poetry-app"',
      'version = "1.2.0"',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'click = "^8"',
      '[tool.poetry.scripts]',
      'poetry-app = "poetry_app.cli:main"',
      '[build-system]',
      'requires = ["poetry-core"]',
      'build-backend = "poetry.core.masonry.api"',
    ].join('\n'),
    'poetry.lock': '# lock\n',
    'poetry_app/__init__.py': '',
  },
  uv: {
    'pyproject.toml': [
      '[project]',
      'name = "uv-service"',
      'version = "0.3.0"',
      'requires-python = ">=3.10,<3.12"',
      'dependencies = ["fastapi>=0.110", "uvicorn[standard]"]',
      '[build-system]',
      'requires = ["hatchling"]',
      'build-backend = "hatchling.build"',
    ].join('\n'),
    'uv.lock': 'version = 1\n',
    'src/uv_service/__init__.py': '',
    'src/uv_service/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
  },
  pep621: {
    'pyproject.toml': [
      '[project]',
      'name = "plain-lib"',
      'version = "2.0"',
      'dependencies = ["attrs"]',
      '[project.scripts]',
      'plain = "plain_lib:main"',
      '[build-system]',
      'requires = ["setuptools>=68"]',
      'build-backend = "setuptools.build_meta"',
    ].join('\n'),
    '.python-version': '3.13.1\n',
    'plain_lib/__init__.py': 'def main(): pass\n',
  },
  flask: {
    'requirements.txt': 'flask==3.0.3\ngunicorn==22.0.0\n',
    'app.py': 'from flask import Flask\nserver = Flask(__name__)\n',
  },
  django: {
    'requirements.txt': 'Django==5.0\n',
    'manage.py': '',
    'site_cfg/__init__.py': '',
    'site_cfg/wsgi.py':
      'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
  },
};

async function detect(name: string): Promise<PythonProject> {
  return detectPythonProject(memoryProjectFiles(name, projects[name] ?? {}));
}

describe('Dockerfile generator: project detection', () => {
  it('pip: main requirements file, dev ones left out, package with __main__', async () => {
    const project = await detect('pip');
    assert.equal(project.buildTool, 'pip');
    assert.deepEqual(project.requirementsFiles, ['requirements.txt']);
    assert.deepEqual(project.dependencies, ['requests']);
    assert.equal(project.importName, 'tool');
    assert.deepEqual(project.entryPoint, { kind: 'module', module: 'tool' });
    assert.equal(project.installable, false);
    assert.equal(project.webApp, undefined);
  });

  it('Poetry: name, version, lock, script, Python from the caret constraint', async () => {
    const project = await detect('poetry');
    assert.equal(project.buildTool, 'poetry');
    assert.equal(project.name, 'poetry-app');
    assert.equal(project.version, '1.2.0');
    assert.equal(project.hasLockFile, true);
    assert.equal(project.buildBackend, 'poetry.core.masonry.api');
    assert.deepEqual(project.entryPoint, { kind: 'script', name: 'poetry-app' });
    assert.equal(project.pythonVersion, '3.12');
    assert.equal(project.importName, 'poetry_app');
  });

  it('uv: src layout FastAPI app with uvicorn, Python within requires-python', async () => {
    const project = await detect('uv');
    assert.equal(project.buildTool, 'uv');
    assert.equal(project.pythonVersion, '3.11');
    assert.equal(project.importName, 'uv_service');
    assert.deepEqual(project.webApp, {
      framework: 'fastapi',
      server: 'uvicorn',
      target: 'uv_service.main:app',
      port: 8000,
    });
  });

  it('PEP 621: build backend, console script, .python-version wins', async () => {
    const project = await detect('pep621');
    assert.equal(project.buildTool, 'pep621');
    assert.equal(project.buildBackend, 'setuptools.build_meta');
    assert.equal(project.installable, true);
    assert.equal(project.pythonVersion, '3.13');
    assert.deepEqual(project.entryPoint, { kind: 'script', name: 'plain' });
  });

  it('Flask app object under another name, gunicorn; Django wsgi', async () => {
    assert.deepEqual((await detect('flask')).webApp, {
      framework: 'flask',
      server: 'gunicorn',
      target: 'app:server',
      port: 8000,
    });
    assert.equal((await detect('django')).webApp?.target, 'site_cfg.wsgi:application');
  });

  it('the demo workspace on disk', async () => {
    const project = await detectPythonProject(
      folderProjectFiles(path.join(repoRoot, 'test/workspaces/demo')),
    );
    assert.equal(project.name, 'demo-app');
    assert.equal(project.buildTool, 'pip');
    assert.equal(project.webApp?.framework, 'flask');
    assert.equal(project.importName, 'app');
  });

  it('invalid pyproject.toml: an error naming the file', async () => {
    await assert.rejects(
      detectPythonProject(memoryProjectFiles('x', { 'pyproject.toml': '[project\nname=' })),
      (error: unknown) =>
        error instanceof ManifestParseError && error.message.includes('pyproject.toml'),
    );
  });

  it('Python version choice', () => {
    assert.equal(choosePythonVersion(undefined, undefined), '3.12');
    assert.equal(choosePythonVersion(undefined, '>=3.9'), '3.12');
    assert.equal(choosePythonVersion(undefined, '>=3.13'), '3.13');
    assert.equal(choosePythonVersion(undefined, '~3.10'), '3.10');
    assert.equal(choosePythonVersion('3.11.4', '>=3.9'), '3.11');
    assert.equal(choosePythonVersion('pypy3.10', '>=2'), '3.12');
  });
});

describe('Dockerfile generator: output', () => {
  for (const name of Object.keys(projects)) {
    it(`${name}: multi-stage, pinned slim base, non-root, HEALTHCHECK, no mirrored Trivy check fails`, async () => {
      const project = await detect(name);
      const dockerfile = renderDockerfile(project);
      const froms = dockerfile.split('\n').filter((line) => line.startsWith('FROM '));
      assert.deepEqual(froms, [
        `FROM ${pinnedBaseImage(project.pythonVersion)} AS build`,
        `FROM ${pinnedBaseImage(project.pythonVersion)} AS runtime`,
      ]);
      assert.match(froms[0] ?? '', /python:\d+\.\d+\.\d+-slim-bookworm/);
      assert.match(dockerfile, /\nUSER app\n/);
      assert.match(dockerfile, /\nHEALTHCHECK /);
      assert.deepEqual(trivyDockerfileViolations(dockerfile), []);
    });
  }

  it('each build tool installs with its own tool', async () => {
    assert.match(
      renderDockerfile(await detect('pip')),
      /pip install --no-cache-dir -r requirements.txt/,
    );
    const poetry = renderDockerfile(await detect('poetry'));
    assert.match(poetry, /poetry==\d+\.\d+\.\d+/);
    assert.match(poetry, /COPY pyproject.toml poetry.lock/);
    assert.match(poetry, /CMD \["poetry-app"\]/);
    const uv = renderDockerfile(await detect('uv'));
    assert.match(uv, /uv==\d+\.\d+\.\d+/);
    assert.match(uv, /uv sync --frozen --no-dev --no-install-project/);
    assert.match(
      uv,
      /CMD \["uvicorn", "uv_service.main:app", "--host", "0.0.0.0", "--port", "8000"\]/,
    );
    assert.match(uv, /EXPOSE 8000/);
    assert.match(renderDockerfile(await detect('pep621')), /RUN pip install --no-cache-dir \.\n/);
    assert.match(
      renderDockerfile(await detect('flask')),
      /CMD \["gunicorn", "app:server", "--bind", "0.0.0.0:8000"\]/,
    );
  });

  it('compose.yaml only for a web app, with the hardening and loopback port', async () => {
    assert.deepEqual(
      generateDockerFiles(await detect('pip')).files.map((file) => file.path),
      ['Dockerfile', '.dockerignore'],
    );
    const web = generateDockerFiles(await detect('uv'));
    const compose = web.files.find((file) => file.path === 'compose.yaml');
    const service = (
      parse(compose?.content ?? '') as { services: { app: Record<string, unknown> } }
    ).services.app;
    assert.equal(service.image, 'uv-service:0.3.0');
    assert.deepEqual(service.ports, ['127.0.0.1:8000:8000']);
    assert.equal(service.read_only, true);
    assert.deepEqual(service.cap_drop, ['ALL']);
    const ignore = web.files.find((file) => file.path === '.dockerignore')?.content ?? '';
    for (const entry of ['.env', '.venv', '.git', '__pycache__']) {
      assert.ok(ignore.split('\n').includes(entry), entry);
    }
  });

  it('warnings for what it could not work out', async () => {
    const fastapiNoServer = await detectPythonProject(
      memoryProjectFiles('x', {
        'requirements.txt': 'fastapi\n',
        'main.py': 'import fastapi\napp = fastapi.FastAPI()\n',
      }),
    );
    assert.match(generateDockerFiles(fastapiNoServer).warnings.join('\n'), /uvicorn/);
    const nothing = await detectPythonProject(memoryProjectFiles('x', {}));
    assert.match(generateDockerFiles(nothing).warnings.join('\n'), /No entry point/);
  });

  it('image names are valid references', () => {
    assert.equal(imageName({ name: 'My_Project', version: '1.0+local' }), 'my_project:1.0-local');
    assert.equal(imageName({ name: '--', version: undefined }), 'app:latest');
  });
});

describe('mirrored Trivy Dockerfile checks', () => {
  it('catch what Trivy flags in a careless Dockerfile', () => {
    const ids = trivyDockerfileViolations(
      [
        'FROM python:latest',
        'MAINTAINER me',
        'ADD . /app',
        'WORKDIR app',
        'RUN apt-get update',
        'RUN apt-get install curl',
        'EXPOSE 22',
        'CMD ["a"]',
        'CMD ["b"]',
      ].join('\n'),
    ).map((violation) => violation.id);
    for (const id of [
      'DS-0001',
      'DS-0002',
      'DS-0004',
      'DS-0005',
      'DS-0009',
      'DS-0016',
      'DS-0017',
      'DS-0021',
      'DS-0022',
      'DS-0026',
      'DS-0029',
    ]) {
      assert.ok(ids.includes(id), `${id} in ${ids.join(',')}`);
    }
    assert.ok(MIRRORED_TRIVY_CHECKS.length >= 20);
  });
});
