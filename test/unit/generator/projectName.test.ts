import * as assert from 'node:assert/strict';
import {
  distributionNameProblem,
  importNameFor,
  normalizeDistributionName,
} from '../../../src/core/generator/projectName';
import { parsePythonVersions } from '../../../src/core/generator/pythonVersions';

describe('Project names and Python versions', () => {
  it('accepts PEP 508 names and derives an importable package name', () => {
    for (const name of ['a', 'demo', 'My.Project_2', 'x-y-z']) {
      assert.equal(distributionNameProblem(name), undefined, name);
    }
    assert.equal(importNameFor('My.Project-2'), 'my_project_2');
    assert.equal(importNameFor('3d-tools'), '_3d_tools');
    assert.equal(importNameFor('class'), 'class_');
    assert.equal(normalizeDistributionName('My__Project.x'), 'my-project-x');
  });

  it('rejects names that are not distribution names, saying what is allowed', () => {
    for (const name of ['', '-demo', 'demo-', 'my project', 'dé', 'a/b', '..']) {
      assert.match(distributionNameProblem(name) ?? '', /name/, JSON.stringify(name));
    }
  });

  it('parses Python version ranges and lists', () => {
    assert.deepEqual(parsePythonVersions('3.10-3.13'), ['3.10', '3.11', '3.12', '3.13']);
    assert.deepEqual(parsePythonVersions('3.12,3.10'), ['3.10', '3.12']);
    assert.throws(() => parsePythonVersions('3.13-3.10'), /backwards/);
    assert.throws(() => parsePythonVersions('2.7'), /not one of/);
  });
});
