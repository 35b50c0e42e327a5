// Builds a generated Dockerfile for real in a real Docker engine (test/support/dockerEngine.mjs)
// on the stand-in Python base image (test/support/pythonStandInImage.mjs: the real
// python:3.x-slim-bookworm cannot be pulled here). Slow (minutes under load, vfs storage):
// run with `npm run test:docker-build`, not with the unit tests.
import * as assert from 'node:assert/strict';
import { pinnedBaseImage } from '../../src/core/dockerfile/baseImage';
import { detectPythonProject } from '../../src/core/dockerfile/detectPythonProject';
import { generateDockerFiles } from '../../src/core/dockerfile/generateDockerFiles';
import { memoryProjectFiles } from '../../src/core/dockerfile/projectFiles';
import { startDockerEngine, type DockerEngine } from '../support/dockerEngine.mjs';
import { pythonStandInImage } from '../support/pythonStandInImage.mjs';
import { buildImage } from '../support/testImages.mjs';
import { trivyDockerfileViolations } from '../support/trivyDockerfileRules';

const project: Record<string, string> = {
  'pyproject.toml': [
    '[project]',
    'name = "hello-app"',
    'version = "1.0.0"',
    'requires-python = ">=3.9"',
    'dependencies = []',
    '[project.scripts]',
    'hello-app = "hello_app:main"',
    '[build-system]',
    'requires = ["hatchling"]',
    'build-backend = "hatchling.build"',
  ].join('\n'),
  'hello_app/__init__.py': 'def main():\n    print("hello from the container")\n',
  '.env': 'SECRET=must-not-reach-the-image\n',
};

describe('generated Dockerfile in a real engine', function () {
  this.timeout(30 * 60_000);
  let engine: DockerEngine | undefined;

  before(async () => {
    engine = await startDockerEngine();
  });
  after(async () => {
    await engine?.stop();
  });

  it('builds on the pinned base tag, runs as the non-root user, keeps .env out, passes the mirrored Trivy checks', async () => {
    if (engine === undefined) throw new Error('no engine');
    const detected = await detectPythonProject(memoryProjectFiles('hello', project));
    const generated = generateDockerFiles(detected);
    const dockerfile = generated.files.find((file) => file.path === 'Dockerfile')?.content ?? '';
    assert.deepEqual(trivyDockerfileViolations(dockerfile), []);
    await pythonStandInImage(engine, pinnedBaseImage(detected.pythonVersion));
    const files = { ...project };
    for (const file of generated.files) files[file.path] = file.content;
    await buildImage(engine, { tag: 'hello-app:1.0.0', dockerfile, files });

    const output = await engine.docker(['run', '--rm', '--read-only', 'hello-app:1.0.0']);
    assert.equal(output.trim(), 'hello from the container');
    const whoami = await engine.docker([
      'run',
      '--rm',
      '--entrypoint',
      'id',
      'hello-app:1.0.0',
      '-u',
    ]);
    assert.equal(whoami.trim(), '10001');
    const inspect = JSON.parse(
      await engine.docker(['image', 'inspect', '--format', '{{json .Config}}', 'hello-app:1.0.0']),
    ) as { User: string; Healthcheck?: { Test: string[] } };
    assert.equal(inspect.User, 'app');
    assert.deepEqual(inspect.Healthcheck?.Test, ['CMD', 'python', '-c', 'import hello_app']);
    const env = await engine.docker([
      'run',
      '--rm',
      '--entrypoint',
      'ls',
      'hello-app:1.0.0',
      '-a',
      '/app',
    ]);
    assert.ok(!env.includes('.env'), env);
  });
});
