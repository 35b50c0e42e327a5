import * as assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alembicProcessArguments } from '../../../../src/core/database/alembicCommand';
import { alembicScaffold } from '../../../../src/core/database/alembicScaffold';
import { findModelsBase } from '../../../../src/core/database/findModelsBase';
import { openPostgres } from '../../../../src/core/database/postgresSession';
import { alembicFailure, runAlembic } from '../../../../src/core/database/runAlembic';
import type { AlembicAction } from '../../../../src/core/database/alembicCommand';
import type { DatabaseSession } from '../../../../src/core/database/databaseSession';
import { silentLogger } from '../../../../src/core/logging/logger';
import { startPostgres, type PostgresServer } from '../../../support/postgresServer.mjs';

/** Debian's Python, which has python3-alembic, python3-sqlalchemy and python3-psycopg2. */
const python = '/usr/bin/python3';
const project = path.resolve(__dirname, '../../../workspaces/database');

describe('Alembic through the launcher (real Alembic, SQLAlchemy and PostgreSQL 15)', function () {
  this.timeout(180_000);
  let server: PostgresServer;
  let folder: string;
  let session: DatabaseSession;

  before(async () => {
    server = await startPostgres();
    folder = mkdtempSync(path.join(os.tmpdir(), 'openpypi-alembic-'));
    cpSync(project, folder, { recursive: true, filter: (src) => !src.includes('__pycache__') });
    session = await openPostgres(
      {
        name: 'shop',
        kind: 'postgresql',
        host: server.host,
        port: server.port,
        database: server.database,
        user: server.user,
        sslMode: 'disable',
      },
      server.password,
    );
  });

  after(async () => {
    await session.close();
    await server.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const alembic = (action: AlembicAction, message?: string) =>
    runAlembic({
      python,
      projectFolder: folder,
      iniFile: path.join(folder, 'alembic.ini'),
      action,
      ...(message ? { message } : {}),
      databaseUrl: server.url,
      logger: silentLogger,
    });

  const tables = async () => (await session.tables('public')).map((t) => t.name).sort();

  it('never puts the URL or the password in argv', () => {
    const args = alembicProcessArguments('/p/alembic.ini', 'revision', 'add products');
    assert.ok(!args.join(' ').includes(server.password));
    assert.ok(!args.join(' ').includes('postgresql://'));
    assert.deepEqual(args.slice(2), [
      '-c',
      '/p/alembic.ini',
      'revision',
      '--autogenerate',
      '-m',
      'add products',
    ]);
  });

  it('upgrades a three-revision history to head, then down one step at a time', async () => {
    const current0 = await alembic('current');
    assert.equal(current0.exitCode, 0, current0.output);
    assert.doesNotMatch(current0.output, /\(head\)/);

    const up = await alembic('upgrade');
    assert.equal(up.exitCode, 0, up.output);
    assert.match(up.output, /Running upgrade {2}-> 0001, create customers/);
    assert.match(up.output, /Running upgrade 0001 -> 0002, create orders/);
    assert.match(up.output, /Running upgrade 0002 -> 0003, add customer name/);
    assert.deepEqual(await tables(), ['alembic_version', 'customers', 'orders']);
    const columns = await session.columns('public', 'customers');
    assert.deepEqual(
      columns.map((c) => c.name),
      ['id', 'email', 'created_at', 'name'],
    );

    const current = await alembic('current');
    assert.match(current.output, /Rev: 0003 \(head\)/);
    const history = await alembic('history');
    assert.equal(history.exitCode, 0, history.output);
    assert.match(history.output, /Rev: 0003 \(head\) \(current\)/);
    assert.match(history.output, /Rev: 0001\b/);

    const down1 = await alembic('downgrade');
    assert.equal(down1.exitCode, 0, down1.output);
    assert.match(down1.output, /Running downgrade 0003 -> 0002/);
    assert.deepEqual(
      (await session.columns('public', 'customers')).map((c) => c.name),
      ['id', 'email', 'created_at'],
    );
    await alembic('downgrade');
    assert.deepEqual(await tables(), ['alembic_version', 'customers']);
    const down3 = await alembic('downgrade');
    assert.match(down3.output, /Running downgrade 0001 -> , create customers/);
    assert.deepEqual(await tables(), ['alembic_version']);
    // and back to head for the autogenerate test
    assert.equal((await alembic('upgrade')).exitCode, 0);
  });

  it('autogenerates a revision for a model the database does not have yet', async () => {
    const result = await alembic('revision', 'add products');
    assert.equal(result.exitCode, 0, result.output);
    assert.match(result.output, /Detected added table 'products'/);
    const created = readdirSync(path.join(folder, 'migrations/versions')).filter((f) =>
      f.endsWith('add_products.py'),
    );
    assert.equal(created.length, 1);
    const text = readFileSync(path.join(folder, 'migrations/versions', created[0] ?? ''), 'utf8');
    assert.match(text, /op\.create_table\('products'/);
    assert.match(text, /down_revision = '0003'/);
  });

  it('Add Alembic: the scaffold in a project without one autogenerates and applies its models', async () => {
    // A project with the shop's models and no Alembic at all, migrating an empty database.
    const bare = mkdtempSync(path.join(os.tmpdir(), 'openpypi-add-alembic-'));
    try {
      cpSync(path.join(project, 'app'), path.join(bare, 'app'), {
        recursive: true,
        filter: (src) => !src.includes('__pycache__'),
      });
      const models = 'app/models.py';
      const base = findModelsBase([
        { file: models, text: readFileSync(path.join(bare, models), 'utf8') },
      ]);
      assert.deepEqual(base, { module: 'app.models', name: 'Base', file: models });
      for (const file of alembicScaffold({ base, srcLayout: false })) {
        mkdirSync(path.dirname(path.join(bare, file.path)), { recursive: true });
        writeFileSync(path.join(bare, file.path), file.content);
      }
      await session.run(['CREATE DATABASE scaffolded'], { rowLimit: 1 });
      const url = server.url.replace(/\/[^/]*$/, '/scaffolded');
      const run = (action: AlembicAction, message?: string) =>
        runAlembic({
          python,
          projectFolder: bare,
          iniFile: path.join(bare, 'alembic.ini'),
          action,
          ...(message ? { message } : {}),
          databaseUrl: url,
          logger: silentLogger,
        });
      const revision = await run('revision', 'initial');
      assert.equal(revision.exitCode, 0, revision.output);
      for (const table of ['customers', 'orders', 'products']) {
        assert.match(revision.output, new RegExp(`Detected added table '${table}'`));
      }
      const upgrade = await run('upgrade');
      assert.equal(upgrade.exitCode, 0, upgrade.output);
      const scaffolded = await openPostgres(
        {
          name: 'scaffolded',
          kind: 'postgresql',
          host: server.host,
          port: server.port,
          database: 'scaffolded',
          user: server.user,
          sslMode: 'disable',
        },
        server.password,
      );
      try {
        const names = (await scaffolded.tables('public')).map((t) => t.name).sort();
        assert.deepEqual(names, ['alembic_version', 'customers', 'orders', 'products']);
      } finally {
        await scaffolded.close();
      }
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('a wrong password fails with the reason, and the password is not in the output', async () => {
    const wrong = server.url.replace(encodeURIComponent(server.password), 'wrong-secret-xyz');
    const result = await runAlembic({
      python,
      projectFolder: folder,
      iniFile: path.join(folder, 'alembic.ini'),
      action: 'current',
      databaseUrl: wrong,
      logger: silentLogger,
    });
    assert.notEqual(result.exitCode, 0);
    assert.match(alembicFailure(result.output), /password authentication failed/);
    assert.ok(!result.output.includes('wrong-secret-xyz'));
    assert.ok(existsSync(path.join(folder, 'alembic.ini')));
  });
});
