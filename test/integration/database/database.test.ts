// The Database provider in a real VS Code against a real PostgreSQL 15 that the suite's setup
// started (test/support/postgresServer.mjs), and a real SQLite file. Alembic is Debian's, run by
// Debian's /usr/bin/python3 (which has python3-alembic, -sqlalchemy, -psycopg2) on the workspace's
// three-revision history. Commands are called with their automation arguments (a password
// instead of the password box, { confirm } instead of the modal question); the rest is the real
// path: settings, SecretStorage, the lazily loaded runtime, the tree the Providers view draws.
import * as assert from 'node:assert/strict';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { OpenPypiApi } from '../../../src/extension';
import type { AddedAlembic } from '../../../src/features/database/addAlembic';
import type { TreeRow } from '../../../src/features/database/databaseTreeSnapshot';
import { extensionLogLines } from '../support/extensionLog';
import { openPypi } from '../support/manifest';
import { waitFor } from '../support/waitFor';

const env = (name: string): string => {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run this suite through test/integration/run.mjs`);
  return value;
};

const pg = {
  host: env('OPENPYPI_TEST_PG_HOST'),
  port: Number(env('OPENPYPI_TEST_PG_PORT')),
  user: env('OPENPYPI_TEST_PG_USER'),
  password: env('OPENPYPI_TEST_PG_PASSWORD'),
  database: env('OPENPYPI_TEST_PG_DATABASE'),
};

interface AlembicOutcome {
  exitCode: number;
  output: string;
}
interface RunSqlOutcome {
  results: {
    columns: string[];
    rows: (string | null)[][];
    rowCount?: number;
    truncated: boolean;
  }[];
  document?: string;
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('openpypi.database');
}

function row(rows: readonly TreeRow[] | undefined, label: string): TreeRow {
  const found = rows?.find((r) => r.label === label);
  assert.ok(found, `no row "${label}" among ${JSON.stringify(rows?.map((r) => r.label))}`);
  return found;
}

function labels(rows: readonly TreeRow[] | undefined): string[] {
  return (rows ?? []).map((r) => r.label);
}

const workspace = (): string => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return folder.uri.fsPath;
};

describe('Database provider (real PostgreSQL 15, Alembic, SQLite)', function () {
  this.timeout(240_000);
  let api: OpenPypiApi;
  const tree = (expand: string[]) => api.database.tree(expand);
  const alembic = (action: string, options: Record<string, unknown> = {}) =>
    vscode.commands.executeCommand<AlembicOutcome | undefined>(
      `openpypi.database.alembic${action}`,
      'shop',
      options,
    );
  const runSql = (options: Record<string, unknown>) =>
    vscode.commands.executeCommand<RunSqlOutcome | undefined>(
      'openpypi.database.runSql',
      undefined,
      {
        connection: 'shop',
        ...options,
      },
    );
  let sqliteFolder: string;

  before(async () => {
    const extension = openPypi();
    api = (await extension.activate()) as OpenPypiApi;
    await config().update('pythonPath', '/usr/bin/python3', vscode.ConfigurationTarget.Global);
    await config().update('resultFormat', 'csv', vscode.ConfigurationTarget.Global);
    sqliteFolder = mkdtempSync(path.join(os.tmpdir(), 'openpypi-sqlite-it-'));
  });

  after(async () => {
    await config().update('connections', undefined, vscode.ConfigurationTarget.Global);
    rmSync(sqliteFolder, { recursive: true, force: true });
  });

  it('shows Database as not configured, with actions to add or find connections', async () => {
    const rows = await tree([]);
    assert.deepEqual(labels(rows), ['Add a connection…', 'Find connections in the workspace…']);
  });

  it('adds a PostgreSQL connection: settings get no password, the server answers', async () => {
    const name = await vscode.commands.executeCommand<string>(
      'openpypi.database.addConnection',
      {
        name: 'shop',
        kind: 'postgresql',
        host: pg.host,
        port: pg.port,
        database: pg.database,
        user: pg.user,
        sslMode: 'prefer',
      },
      { password: pg.password },
    );
    assert.equal(name, 'shop');
    const stored = JSON.stringify(config().inspect('connections')?.globalValue);
    assert.match(stored, /"name":"shop"/);
    assert.ok(!stored.includes(pg.password), 'the password must not be in settings');
    const test = await vscode.commands.executeCommand<
      { ok: boolean; serverVersion?: string } | undefined
    >('openpypi.database.testConnection', 'shop');
    assert.equal(test?.ok, true);
    assert.match(test.serverVersion ?? '', /^PostgreSQL 15\./);
  });

  it('upgrades the three-revision history to head and the tree shows the migrated tables and columns', async () => {
    const up = await alembic('Upgrade');
    assert.equal(up?.exitCode, 0, up?.output);
    assert.match(up.output, /Running upgrade {2}-> 0001, create customers/);
    assert.match(up.output, /Running upgrade 0002 -> 0003, add customer name/);
    assert.ok(!up.output.includes(pg.password), 'the password must not be in the output');

    const current = await alembic('Current');
    assert.match(current?.output ?? '', /Rev: 0003 \(head\)/);
    const history = await alembic('History');
    assert.match(history?.output ?? '', /Rev: 0001[\s\S]*create customers/);

    const rows = await tree(['shop', 'public', 'customers', 'orders']);
    const shop = row(rows, 'shop');
    assert.match(shop.description ?? '', /^PostgreSQL 15\.\d+ · openpypi@127\.0\.0\.1:\d+\/app$/);
    const publicSchema = row(shop.children, 'public');
    assert.deepEqual(labels(publicSchema.children), ['alembic_version', 'customers', 'orders']);
    const customers = row(publicSchema.children, 'customers');
    assert.deepEqual(
      customers.children?.map((c) => [c.label, c.description]),
      [
        ['id', 'integer · not null · PK'],
        ['email', 'character varying(200) · not null'],
        ['created_at', 'timestamp without time zone · not null'],
        ['name', 'character varying(100) · null'],
      ],
    );
    const orders = row(publicSchema.children, 'orders');
    assert.equal(
      row(orders.children, 'customer_id').description,
      'integer · not null · FK → customers.id',
    );
  });

  it('runs SQL: reads at once, asks before writes, CSV and Markdown documents, row limit', async () => {
    const declined = await runSql({
      sql: "INSERT INTO customers (email) VALUES ('no@example.com')",
      confirm: false,
    });
    assert.equal(declined, undefined);
    const inserted = await runSql({
      sql: "INSERT INTO customers (email, name) VALUES ('a@example.com', 'Ada'), ('b@example.com', 'Bo'), ('c@example.com', NULL)",
      confirm: true,
    });
    assert.equal(inserted?.results[0]?.rowCount, 3);

    await config().update('rowLimit', 2, vscode.ConfigurationTarget.Global);
    try {
      const csv = await runSql({
        sql: 'SELECT email, name FROM customers ORDER BY id;',
        format: 'csv',
      });
      assert.equal(csv?.results[0]?.truncated, true);
      const document = vscode.workspace.textDocuments.find(
        (d) => d.uri.toString() === csv.document,
      );
      assert.equal(document?.getText(), 'email,name\r\na@example.com,Ada\r\nb@example.com,Bo\r\n');
    } finally {
      await config().update('rowLimit', undefined, vscode.ConfigurationTarget.Global);
    }
    const markdown = await runSql({
      sql: "SELECT email, name FROM customers WHERE email LIKE 'c%'",
      format: 'markdown',
    });
    const text = vscode.workspace.textDocuments
      .find((d) => d.uri.toString() === markdown?.document)
      ?.getText();
    assert.match(
      text ?? '',
      /\| email \| name \|\n\| --- \| --- \|\n\| c@example\.com \| \*NULL\* \|/,
    );
    const table = await runSql({ sql: 'SELECT count(*) AS n FROM customers', format: 'table' });
    assert.deepEqual(table?.results[0]?.rows, [['3']]);
  });

  it('a statement with a syntax error gives a clear message naming it', async () => {
    const result = await runSql({ sql: 'SELECT email\nFROM customers\nWHER id = 1' });
    assert.equal(result, undefined);
    await waitFor(
      () =>
        extensionLogLines().some((line) =>
          line.includes(
            'shop: Statement 1 failed (line 3, column 6 of the statement): syntax error at or near "id"',
          ),
        ),
      'the syntax error message is not in the log',
    );
  });

  it('generates SQLAlchemy 2.0 models from the live schema', async () => {
    const models = await vscode.commands.executeCommand<
      { text: string; tables: number } | undefined
    >('openpypi.database.generateModels', 'shop');
    assert.match(models?.text ?? '', /^class Customers\(Base\):$/m);
    assert.match(
      models?.text ?? '',
      /customer_id: Mapped\[int\] = mapped_column\(ForeignKey\("customers\.id"\)\)/,
    );
    assert.doesNotMatch(models?.text ?? '', /alembic_version/);
  });

  it('autogenerates a revision with the project environment (the new file is removed after)', async () => {
    const versions = path.join(workspace(), 'migrations', 'versions');
    const before = new Set(readdirSync(versions));
    try {
      const result = await alembic('Revision', { message: 'add products' });
      assert.equal(result?.exitCode, 0, result?.output);
      assert.match(result.output, /Detected added table 'products'/);
      const created = readdirSync(versions).filter((f) => !before.has(f) && f.endsWith('.py'));
      assert.equal(created.length, 1);
      assert.match(
        readFileSync(path.join(versions, created[0] ?? ''), 'utf8'),
        /op\.create_table\('products'/,
      );
    } finally {
      for (const file of readdirSync(versions)) {
        if (!before.has(file)) rmSync(path.join(versions, file), { recursive: true, force: true });
      }
    }
  });

  it('downgrades one revision at a time down to nothing, and the tree follows', async () => {
    const declined = await alembic('Downgrade', { confirm: false });
    assert.equal(declined, undefined);
    const first = await alembic('Downgrade', { confirm: true });
    assert.equal(first?.exitCode, 0, first?.output);
    assert.match(first.output, /Running downgrade 0003 -> 0002, add customer name/);
    let rows = await tree(['shop', 'public', 'customers']);
    assert.deepEqual(
      labels(row(row(row(rows, 'shop').children, 'public').children, 'customers').children),
      ['id', 'email', 'created_at'],
    );
    assert.equal((await alembic('Downgrade', { confirm: true }))?.exitCode, 0);
    assert.equal((await alembic('Downgrade', { confirm: true }))?.exitCode, 0);
    rows = await tree(['shop', 'public']);
    assert.deepEqual(labels(row(row(rows, 'shop').children, 'public').children), [
      'alembic_version',
    ]);
    const audit = await vscode.commands.executeCommand<string | undefined>(
      'openpypi.audit.showLog',
    );
    const log = readFileSync(audit ?? '', 'utf8');
    assert.match(
      log,
      /"type":"database\.migration","connection":"shop","action":"downgrade","outcome":"completed"/,
    );
    assert.match(log, /"type":"database\.statements","connection":"shop","kinds":\["INSERT"\]/);
    assert.ok(!log.includes(pg.password));
  });

  it('a wrong password: a clear message, and the connection row says why', async () => {
    await vscode.commands.executeCommand(
      'openpypi.database.setPassword',
      'shop',
      'not-the-password',
    );
    const test = await vscode.commands.executeCommand<{ ok: boolean; reason?: string } | undefined>(
      'openpypi.database.testConnection',
      'shop',
    );
    assert.equal(test?.ok, false);
    assert.match(
      test.reason ?? '',
      /The server rejected the password for openpypi@127\.0\.0\.1:\d+\/app/,
    );
    const rows = await tree(['shop']);
    const shop = row(rows, 'shop');
    assert.match(shop.description ?? '', /rejected the password/);
    assert.match(labels(shop.children)[0] ?? '', /rejected the password/);
    await vscode.commands.executeCommand('openpypi.database.setPassword', 'shop', pg.password);
    const again = await vscode.commands.executeCommand<{ ok: boolean } | undefined>(
      'openpypi.database.testConnection',
      'shop',
    );
    assert.equal(again?.ok, true);
  });

  it('a server that is down: the node shows the reason', async () => {
    await vscode.commands.executeCommand(
      'openpypi.database.addConnection',
      {
        name: 'down',
        host: '127.0.0.1',
        port: 1,
        database: 'app',
        user: 'nobody',
        sslMode: 'disable',
      },
      { password: 'x' },
    );
    const rows = await tree(['down']);
    const down = row(rows, 'down');
    assert.match(
      labels(down.children)[0] ?? '',
      /Nothing accepts connections at nobody@127\.0\.0\.1:1\/app: is the server running/,
    );
    assert.match(row(await tree([]), 'down').description ?? '', /Nothing accepts connections/);
    assert.equal(
      await vscode.commands.executeCommand('openpypi.database.removeConnection', 'down', {
        confirm: true,
      }),
      true,
    );
  });

  it('a real SQLite file: statements write it, the tree shows its tables and columns', async () => {
    const file = path.join(sqliteFolder, 'notes.db');
    writeFileSync(file, '');
    await vscode.commands.executeCommand('openpypi.database.addConnection', {
      name: 'notes',
      kind: 'sqlite',
      file,
    });
    const result = await vscode.commands.executeCommand<RunSqlOutcome | undefined>(
      'openpypi.database.runSql',
      undefined,
      {
        connection: 'notes',
        sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO notes (body) VALUES ('one'), ('two');",
        confirm: true,
      },
    );
    assert.equal(result?.results[1]?.rowCount, 2);
    assert.equal(readFileSync(file).subarray(0, 15).toString('latin1'), 'SQLite format 3');
    const rows = await tree(['notes', 'main', 'notes']);
    const notes = row(rows, 'notes');
    assert.match(notes.description ?? '', /^SQLite 3\.\d+/);
    const table = row(row(notes.children, 'main').children, 'notes');
    assert.equal(table.description, '~2 rows');
    assert.deepEqual(
      table.children?.map((c) => [c.label, c.description]),
      [
        ['id', 'INTEGER · not null · PK'],
        ['body', 'TEXT · not null'],
      ],
    );
  });

  it('offers URLs found in the workspace as connections, password not copied to settings', async () => {
    const added = await vscode.commands.executeCommand<string[]>(
      'openpypi.database.discoverConnections',
      { all: true },
    );
    assert.deepEqual(added, ['shop (.env)']);
    const stored = JSON.stringify(config().inspect('connections')?.globalValue);
    assert.match(stored, /"host":"db\.example\.internal"/);
    assert.match(stored, /"sslMode":"require"/);
    assert.ok(!stored.includes('example-env-password'));
  });

  it('Add Alembic on a project that has it already says so and writes nothing', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const ini = path.join(workspace(), 'alembic.ini');
    const iniBefore = readFileSync(ini, 'utf8');
    const migrationsBefore = readdirSync(path.join(workspace(), 'migrations'), {
      recursive: true,
      encoding: 'utf8',
    }).sort();
    const added = await vscode.commands.executeCommand('openpypi.database.addAlembic', folder.uri);
    assert.equal(added, undefined);
    await waitFor(
      () =>
        extensionLogLines().some((line) =>
          line.includes(
            `openpypi.database.addAlembic: ${folder.name} has Alembic already (alembic.ini). Use the OpenPypi: Alembic commands to run it.`,
          ),
        ),
      'the refusal in the OpenPypi log',
    );
    assert.equal(readFileSync(ini, 'utf8'), iniBefore);
    assert.deepEqual(
      readdirSync(path.join(workspace(), 'migrations'), {
        recursive: true,
        encoding: 'utf8',
      }).sort(),
      migrationsBefore,
    );
  });

  it('Add Alembic on a project without it: a setup wired to its models that Alembic runs (autogenerate, upgrade)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const root = workspace();
    const models = readFileSync(path.join(root, 'app', 'models.py'), 'utf8');
    // The suite's project has Alembic: its setup is moved out of the workspace (same file
    // system, beside the workspace copy) for this test and put back after it.
    const aside = mkdtempSync(path.join(path.dirname(root), 'alembic-aside-'));
    renameSync(path.join(root, 'alembic.ini'), path.join(aside, 'alembic.ini'));
    renameSync(path.join(root, 'migrations'), path.join(aside, 'migrations'));
    try {
      const added = await vscode.commands.executeCommand<AddedAlembic | undefined>(
        'openpypi.database.addAlembic',
        folder.uri,
      );
      assert.deepEqual(added, {
        files: [
          'alembic.ini',
          'migrations/env.py',
          'migrations/script.py.mako',
          'migrations/README',
          'migrations/versions/.gitkeep',
        ],
        base: { module: 'app.models', name: 'Base', file: 'app/models.py' },
      });
      const env = readFileSync(path.join(root, 'migrations', 'env.py'), 'utf8');
      assert.match(env, /^from app\.models import Base\n\ntarget_metadata = Base\.metadata$/m);
      assert.match(readFileSync(path.join(root, 'alembic.ini'), 'utf8'), /^sqlalchemy\.url =$/m);
      assert.equal(
        vscode.window.activeTextEditor?.document.uri.fsPath,
        path.join(root, 'migrations', 'env.py'),
      );
      assert.equal(readFileSync(path.join(root, 'app', 'models.py'), 'utf8'), models);

      // Debian's Alembic runs the new setup against the database the downgrade test emptied:
      // autogenerate compares the project's models with it, and the revision upgrades it.
      const revision = await alembic('Revision', { message: 'first tables' });
      assert.equal(
        revision?.exitCode,
        0,
        revision?.output ?? 'Alembic: Revision gave no outcome (see the OpenPypi log)',
      );
      for (const table of ['customers', 'orders', 'products'])
        assert.match(revision.output, new RegExp(`Detected added table '${table}'`));
      const created = readdirSync(path.join(root, 'migrations', 'versions')).filter((f) =>
        f.endsWith('_first_tables.py'),
      );
      assert.equal(created.length, 1, `versions: ${created.join(', ')}`);
      const up = await alembic('Upgrade');
      assert.equal(up?.exitCode, 0, up?.output);
      assert.match(up.output, /Running upgrade {2}-> \w+, first tables/);
      const rows = await tree(['shop', 'public']);
      assert.deepEqual(labels(row(row(rows, 'shop').children, 'public').children), [
        'alembic_version',
        'customers',
        'orders',
        'products',
      ]);
    } finally {
      rmSync(path.join(root, 'alembic.ini'), { force: true });
      rmSync(path.join(root, 'migrations'), { recursive: true, force: true });
      renameSync(path.join(aside, 'alembic.ini'), path.join(root, 'alembic.ini'));
      renameSync(path.join(aside, 'migrations'), path.join(root, 'migrations'));
      rmSync(aside, { recursive: true, force: true });
    }
  });

  it('leaks no password: no log file of this run holds it', () => {
    const userData = process.env.OPENPYPI_TEST_USER_DATA;
    assert.ok(userData, 'OPENPYPI_TEST_USER_DATA is not set; run through the harness');
    const logs = path.join(userData, 'logs');
    const files = readdirSync(logs, { recursive: true, encoding: 'utf8' })
      .map((file) => path.join(logs, file))
      .filter((file) => statSync(file).isFile());
    assert.ok(files.some((file) => file.endsWith('OpenPypi.log')));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const secret of [pg.password, 'example-env-password', 'not-the-password']) {
        assert.ok(!text.includes(secret), `${file} holds a password`);
      }
    }
    assert.ok(extensionLogLines().some((line) => line.includes('Database: connected to shop')));
  });
});
