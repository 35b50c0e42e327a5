// A project from Create Python Project / `openpypi new` (the command-line tool template,
// setuptools, every option but the database one) built for real with its generated Dockerfile in
// a real Docker engine (test/support/dockerEngine.mjs), on the stand-in Python base image
// (test/support/pythonStandInImage.mjs: the real python:3.x-slim-bookworm cannot be pulled here).
// The stand-in's offline wheelhouse holds Debian's backends: setuptools 66 meets the generated
// `setuptools>=64`, while its hatchling 1.12 does not meet `hatchling>=1.18` and a Poetry or uv
// build stage needs the network; it has no SQLAlchemy, hence no database option.
// Slow (a two-stage build on vfs): run with `npm run test:docker-build`, not with the unit tests.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateProject } from '../../src/core/generator/generateProject';
import { projectOptions } from '../../src/core/generator/projectSpec';
import { silentLogger } from '../../src/core/logging/logger';
import { startDockerEngine, type DockerEngine } from '../support/dockerEngine.mjs';
import { pythonStandInImage } from '../support/pythonStandInImage.mjs';
import { buildImage } from '../support/testImages.mjs';
import { specFor, templatesRoot, temporaryParent } from '../unit/generator/generatorTestSupport';

describe('generated project image in a real engine', function () {
  this.timeout(30 * 60_000);
  let engine: DockerEngine | undefined;
  const parent = temporaryParent('project-image');

  before(async () => {
    engine = await startDockerEngine();
  });
  after(async () => {
    await engine?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('the generated Dockerfile builds the project, whose command runs as the non-root user', async () => {
    if (engine === undefined) throw new Error('no engine');
    const project = await generateProject(
      specFor({
        template: 'cli',
        name: 'image-cli',
        backend: 'setuptools',
        options: projectOptions.filter((option) => option !== 'database'),
      }),
      { templatesRoot, parent, logger: silentLogger },
    );
    const files: Record<string, string> = {};
    for (const file of project.files) {
      files[file] = readFileSync(path.join(project.folder, file), 'utf8');
    }
    const dockerfile = files.Dockerfile ?? '';
    const base = /^FROM (\S+) AS build$/m.exec(dockerfile)?.[1];
    assert.ok(base, 'the build stage names its base image');
    await pythonStandInImage(engine, base);
    await buildImage(engine, { tag: 'image-cli:0.1.0', dockerfile, files });

    const greeting = await engine.docker([
      'run',
      '--rm',
      '--read-only',
      'image-cli:0.1.0',
      'image-cli',
      'Ada',
    ]);
    assert.equal(greeting.trim(), 'Hello, Ada!');
    const uid = await engine.docker(['run', '--rm', '--entrypoint', 'id', 'image-cli:0.1.0', '-u']);
    assert.equal(uid.trim(), '10001');
    const app = await engine.docker(['run', '--rm', '--entrypoint', 'ls', 'image-cli:0.1.0', '-a']);
    assert.doesNotMatch(app, /\.git\b|tests|pyproject/, 'the runtime stage holds the venv only');
  });
});
