import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isCancelled } from '../../../src/core/errors/cancelledError';
import { UserError } from '../../../src/core/errors/userError';
import { generateProject } from '../../../src/core/generator/generateProject';
import { silentLogger } from '../../../src/core/logging/logger';
import { specFor, templatesRoot, temporaryParent } from './generatorTestSupport';

describe('Project generation is all or nothing', () => {
  let parent: string;
  beforeEach(() => {
    parent = temporaryParent('atomic');
  });
  afterEach(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  const options = () => ({ templatesRoot, parent, logger: silentLogger });

  it('writes the project into an empty target folder', async () => {
    mkdirSync(path.join(parent, 'demo-project'));
    const project = await generateProject(specFor({ options: [] }), options());
    assert.equal(project.folder, path.join(parent, 'demo-project'));
    assert.deepEqual(readdirSync(parent), ['demo-project']);
    for (const file of [
      'pyproject.toml',
      'LICENSE',
      'src/demo_project/core.py',
      'tests/test_core.py',
    ]) {
      assert.ok(project.files.includes(file), file);
      assert.ok(existsSync(path.join(project.folder, file)), file);
    }
    assert.match(
      readFileSync(path.join(project.folder, 'LICENSE'), 'utf8'),
      /Copyright \(c\) \d{4} Ada Lovelace/,
    );
    assert.ok(!project.files.some((file) => file.startsWith('.github/')), 'no option, no workflow');
  });

  it('a name that is not a distribution name leaves nothing on disk', async () => {
    await assert.rejects(generateProject(specFor({ name: 'bad name!' }), options()), UserError);
    assert.deepEqual(readdirSync(parent), []);
  });

  it('a target folder that exists and is not empty is left as it was', async () => {
    const target = path.join(parent, 'demo-project');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'mine');
    await assert.rejects(generateProject(specFor(), options()), /already exists and is not empty/);
    assert.deepEqual(readdirSync(parent), ['demo-project']);
    assert.deepEqual(readdirSync(target), ['keep.txt']);
    assert.equal(readFileSync(path.join(target, 'keep.txt'), 'utf8'), 'mine');
  });

  it('cancelling midway removes everything written so far', async () => {
    const controller = new AbortController();
    let seen = 0;
    await assert.rejects(
      generateProject(specFor(), {
        ...options(),
        signal: controller.signal,
        onFile: (written, total) => {
          seen = written;
          if (written === Math.floor(total / 2)) controller.abort();
        },
      }),
      (error: unknown) => isCancelled(error),
    );
    assert.ok(seen > 2, 'files were written before the cancellation');
    assert.deepEqual(readdirSync(parent), []);
  });

  it('an unknown licence or template is a clear error and writes nothing', async () => {
    await assert.rejects(generateProject(specFor({ license: 'Nope-1.0' }), options()), /SPDX/);
    await assert.rejects(
      generateProject(specFor({ template: 'nope' }), options()),
      /no template "nope"/,
    );
    assert.deepEqual(readdirSync(parent), []);
  });

  it('a user template folder adds templates and can replace a built-in', async () => {
    const user = path.join(parent, 'my-templates');
    mkdirSync(path.join(user, 'library/files/src/<%import_name%>'), { recursive: true });
    writeFileSync(
      path.join(user, 'library/template.json'),
      JSON.stringify({ label: 'My library', dependencies: ['attrs>=23'] }),
    );
    writeFileSync(
      path.join(user, 'library/files/src/<%import_name%>/mine.py'),
      'NAME = "<%name%>"\n',
    );
    const project = await generateProject(specFor({ options: [] }), {
      ...options(),
      parent: path.join(parent, 'out'),
      userTemplates: user,
    });
    assert.equal(
      readFileSync(path.join(project.folder, 'src/demo_project/mine.py'), 'utf8'),
      'NAME = "demo-project"\n',
    );
    assert.ok(!project.files.includes('src/demo_project/core.py'), 'the built-in was replaced');
    assert.match(readFileSync(path.join(project.folder, 'pyproject.toml'), 'utf8'), /"attrs>=23"/);
  });
});
