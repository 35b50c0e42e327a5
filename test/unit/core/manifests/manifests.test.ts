import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { silentLogger } from '../../../../src/core/logging/logger';
import { findManifests } from '../../../../src/core/manifests/findManifests';
import { loadPackageLocator } from '../../../../src/core/manifests/manifestIndex';
import { ManifestParseError } from '../../../../src/core/manifests/manifestParseError';
import { normalizePackageName } from '../../../../src/core/manifests/normalizePackageName';
import type { PackageDeclaration } from '../../../../src/core/manifests/packageDeclaration';
import { readManifest } from '../../../../src/core/manifests/readManifest';

const fixtures = path.resolve(__dirname, '../../../fixtures/manifests');

function read(folder: string, file: string): PackageDeclaration[] {
  return readManifest(file, readFileSync(path.join(fixtures, folder, file), 'utf8')).declarations;
}

/** name -> "line:startColumn-endColumn specifier" for compact, exact assertions. */
function summary(declarations: PackageDeclaration[]): Record<string, string> {
  return Object.fromEntries(
    declarations.map((d) => [d.name, `${d.line}:${d.startColumn}-${d.endColumn} ${d.specifier}`]),
  );
}

describe('manifests', () => {
  it('normalises names as PEP 503 says', () => {
    assert.equal(normalizePackageName('Flask_SQLAlchemy'), 'flask-sqlalchemy');
    assert.equal(normalizePackageName('zope.interface'), 'zope-interface');
    assert.equal(normalizePackageName('A--B__c'), 'a-b-c');
  });

  it('reads a requirements file with includes, comments, extras, markers, continuations and hashes', () => {
    const text = readFileSync(path.join(fixtures, 'requirements', 'requirements.txt'), 'utf8');
    const result = readManifest('requirements.txt', text);
    assert.deepEqual(result.includes, ['requirements/base.txt', 'requirements/extra.txt']);
    assert.deepEqual(summary(result.declarations), {
      flask: '6:1-47 Flask[async]==0.12.2 ; python_version >= "3.6"',
      requests: '7:1-18 requests>=2.19,<3',
      pyyaml: '8:1-12 PyYAML==5.3',
      cryptography: '11:1-13 cryptography ==2.1.4',
      'zope-interface': '15:1-22 zope.interface==5.4.0',
    });
    const byName = new Map(result.declarations.map((d) => [d.name, d]));
    assert.equal(byName.get('flask')?.version, '0.12.2');
    assert.equal(byName.get('pyyaml')?.version, '5.3');
    assert.equal(byName.get('cryptography')?.version, '2.1.4');
    assert.equal(byName.get('requests')?.version, undefined);
  });

  it('reads PEP 621 dependencies, optional dependencies and dependency groups, not keywords', () => {
    assert.deepEqual(summary(read('pep621', 'pyproject.toml')), {
      flask: '11:6-19 flask==0.12.2',
      requests: '12:6-53 Requests[socks] >=2.19 ; python_version > "3.8"',
      pyyaml: '13:6-17 PyYAML==5.3',
      pytest: '17:9-22 pytest==7.0.0',
      black: '17:26-31 black',
      sphinx: '19:4-13 sphinx>=5',
      ruff: '23:10-21 ruff==0.5.0',
    });
  });

  it('reads Poetry dependencies, subtables and groups, skipping python', () => {
    const declarations = read('poetry', 'pyproject.toml');
    assert.deepEqual(summary(declarations), {
      django: '9:1-17 Django = "3.2.9"',
      requests: '10:1-53 requests = { version = "^2.19", extras = ["socks"] }',
      pyyaml: '12:27-34 [tool.poetry.dependencies.pyyaml]',
      pytest: '17:1-16 pytest = "^7.0"',
    });
    assert.equal(declarations.find((d) => d.name === 'django')?.version, '3.2.9');
  });

  it('reads poetry.lock packages on their name lines, ignoring text inside multi-line strings', () => {
    const declarations = read('poetry', 'poetry.lock');
    assert.deepEqual(summary(declarations), {
      django: '4:1-16 django==3.2.9',
      sqlparse: '19:1-18 sqlparse==0.4.1',
    });
    assert.equal(declarations[0]?.kind, 'poetry-lock');
  });

  it('reads a Pipfile and a Pipfile.lock', () => {
    assert.deepEqual(summary(read('pipenv', 'Pipfile')), {
      flask: '7:1-19 flask = "==0.12.2"',
      jinja2: '8:1-51 "Jinja2" = {version = "==2.10", extras = ["i18n"]}',
      requests: '9:1-15 requests = "*"',
      pytest: '12:1-15 pytest = ">=7"',
    });
    const lock = read('pipenv', 'Pipfile.lock');
    assert.deepEqual(summary(lock), {
      flask: '19:10-15 flask==0.12.2',
      jinja2: '26:10-16 jinja2==2.10',
      pytest: '31:10-16 pytest==7.4.0',
    });
  });

  it('reads uv.lock packages', () => {
    assert.deepEqual(summary(read('uv', 'uv.lock')), {
      'demo-app': '5:1-18 demo-app==0.1.0',
      requests: '13:1-18 requests==2.19.0',
      urllib3: '21:1-17 urllib3==1.23',
    });
  });

  it('counts columns in Unicode code points', () => {
    const result = readManifest('requirements.txt', 'flask==1.0 # 🐍\n');
    assert.equal(result.declarations[0]?.endColumn, 11);
    const toml = readManifest(
      'pyproject.toml',
      '[project]\ndependencies = ["🐍x", "flask==1.0"]\n',
    );
    // "🐍x" is not a requirement name; flask starts after 2 code points of the emoji string.
    assert.deepEqual(summary(toml.declarations), { flask: '2:24-34 flask==1.0' });
  });

  it('names the file when TOML or JSON is broken', () => {
    assert.throws(
      () => readManifest('sub/pyproject.toml', '[project\ndependencies = ['),
      (e: unknown) => e instanceof ManifestParseError && e.message.startsWith('sub/pyproject.toml'),
    );
    assert.throws(() => readManifest('Pipfile.lock', '{"default": '), ManifestParseError);
  });

  it('follows -r includes across files and prefers the audited manifest', async () => {
    const locator = await loadPackageLocator(
      path.join(fixtures, 'requirements'),
      ['requirements.txt'],
      silentLogger,
    );
    assert.deepEqual(locator.files, [
      'requirements.txt',
      'requirements/base.txt',
      'requirements/extra.txt',
    ]);
    assert.deepEqual(((d) => d && [d.file, d.line, d.specifier])(locator.locate('Werkzeug')), [
      'requirements/base.txt',
      1,
      'werkzeug==0.14.1',
    ]);
    assert.equal(locator.locate('jinja2')?.line, 2);
    assert.equal(locator.locate('URLLIB3')?.file, 'requirements/extra.txt');
    assert.equal(locator.locate('not-there'), undefined);
  });

  it('prefers a declaration whose version matches, then the direct declaration over the lock', async () => {
    const locator = await loadPackageLocator(
      path.join(fixtures, 'poetry'),
      ['pyproject.toml', 'poetry.lock'],
      silentLogger,
    );
    assert.equal(locator.locate('django')?.file, 'pyproject.toml');
    assert.equal(locator.locate('sqlparse')?.file, 'poetry.lock');
  });

  it('skips a broken or missing manifest with a warning instead of failing', async () => {
    const warnings: string[] = [];
    const locator = await loadPackageLocator(
      path.join(fixtures, 'pipenv'),
      ['missing.txt', 'Pipfile', '../outside.txt'],
      { ...silentLogger, warn: (m) => warnings.push(m) },
    );
    assert.equal(locator.locate('flask')?.file, 'Pipfile');
    assert.equal(warnings.length, 2);
    assert.match(warnings.join('\n'), /missing\.txt/);
    assert.match(warnings.join('\n'), /outside the workspace/);
  });

  it('finds the manifests of a workspace', async () => {
    assert.deepEqual(await findManifests(fixtures), [
      'pep621/pyproject.toml',
      'pipenv/Pipfile',
      'pipenv/Pipfile.lock',
      'poetry/poetry.lock',
      'poetry/pyproject.toml',
      'requirements/requirements.txt',
      'requirements/requirements/base.txt',
      'requirements/requirements/extra.txt',
      'uv/uv.lock',
    ]);
    const demo = path.resolve(__dirname, '../../../workspaces/demo');
    assert.deepEqual(await findManifests(demo), ['pyproject.toml', 'requirements.txt']);
  });
});
