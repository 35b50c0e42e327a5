import * as assert from 'node:assert/strict';
import { defaultImageTag } from '../../../../src/core/docker/defaultImageTag';
import { memoryProjectFiles } from '../../../../src/core/dockerfile/projectFiles';

describe('defaultImageTag (the tag Build Image offers)', () => {
  it('takes name and version from a PEP 621 [project] table', async () => {
    const files = memoryProjectFiles('checkout', {
      'pyproject.toml': '[project]\nname = "Shop_API"\nversion = "1.4.0rc1"\n',
    });
    assert.equal(await defaultImageTag(files), 'shop_api:1.4.0rc1');
  });

  it('takes name and version from Poetry’s [tool.poetry] table', async () => {
    const files = memoryProjectFiles('checkout', {
      'pyproject.toml': '[tool.poetry]\nname = "poetry-app"\nversion = "2.0.1"\n',
      'poetry.lock': '',
    });
    assert.equal(await defaultImageTag(files), 'poetry-app:2.0.1');
  });

  it('prefers [project] over [tool.poetry] when both name the project', async () => {
    const files = memoryProjectFiles('checkout', {
      'pyproject.toml':
        '[project]\nname = "pep621-name"\nversion = "3.0"\n\n[tool.poetry]\nname = "poetry-name"\nversion = "9.9"\n',
    });
    assert.equal(await defaultImageTag(files), 'pep621-name:3.0');
  });

  it('uses the folder name and "latest" without a pyproject.toml', async () => {
    const files = memoryProjectFiles('My Service', { 'requirements.txt': 'flask\n' });
    assert.equal(await defaultImageTag(files), 'my-service:latest');
  });

  it('uses "latest" when the project has no version, and the folder for broken TOML', async () => {
    const noVersion = memoryProjectFiles('x', {
      'pyproject.toml': '[project]\nname = "dyn"\ndynamic = ["version"]\n',
    });
    assert.equal(await defaultImageTag(noVersion), 'dyn:latest');
    const broken = memoryProjectFiles('broken-folder', { 'pyproject.toml': '[project\nname=' });
    assert.equal(await defaultImageTag(broken), 'broken-folder:latest');
  });
});
