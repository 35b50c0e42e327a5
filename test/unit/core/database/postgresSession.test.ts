import * as assert from 'node:assert/strict';
import { openPostgres } from '../../../../src/core/database/postgresSession';
import type { DatabaseConnection } from '../../../../src/core/database/databaseConnection';
import type { DatabaseSession } from '../../../../src/core/database/databaseSession';
import { isDatabaseError } from '../../../../src/core/database/databaseErrors';
import { isCancelled } from '../../../../src/core/errors/cancelledError';
import { startPostgres, type PostgresServer } from '../../../support/postgresServer.mjs';

type PostgresConnection = Extract<DatabaseConnection, { kind: 'postgresql' }>;

describe('PostgreSQL session (real PostgreSQL 15)', function () {
  this.timeout(120_000);
  let server: PostgresServer;
  let connection: PostgresConnection;
  let session: DatabaseSession;

  before(async () => {
    server = await startPostgres();
    connection = {
      name: 'test',
      kind: 'postgresql',
      host: server.host,
      port: server.port,
      database: server.database,
      user: server.user,
      sslMode: 'prefer',
    };
    session = await openPostgres(connection, server.password);
    await session.run(
      [
        'CREATE SCHEMA sales',
        'CREATE TABLE sales.customers (id serial PRIMARY KEY, email varchar(200) NOT NULL, note text)',
        'CREATE TABLE sales.orders (id bigint PRIMARY KEY, customer_id integer REFERENCES sales.customers (id), total numeric(10, 2), placed_at timestamptz DEFAULT now())',
        "INSERT INTO sales.customers (email, note) SELECT 'c' || g || '@example.com', NULL FROM generate_series(1, 25) g",
        'ANALYZE sales.customers',
        'CREATE VIEW sales.big_orders AS SELECT * FROM sales.orders WHERE total > 100',
      ],
      { rowLimit: 10 },
    );
  });

  after(async () => {
    await session.close();
    await server.stop();
  });

  it('reports the server version', () => {
    assert.match(session.serverVersion, /^PostgreSQL 15\.\d+$/);
  });

  it('lists schemas, tables and views with row estimates, and columns with keys', async () => {
    const schemas = (await session.schemas()).map((s) => s.name);
    assert.deepEqual(schemas, ['public', 'sales']);
    const tables = await session.tables('sales');
    assert.deepEqual(
      tables.map((t) => [t.name, t.type]),
      [
        ['big_orders', 'view'],
        ['customers', 'table'],
        ['orders', 'table'],
      ],
    );
    assert.equal(tables.find((t) => t.name === 'customers')?.rowEstimate, 25);
    const columns = await session.columns('sales', 'orders');
    assert.deepEqual(
      columns.map((c) => [c.name, c.dataType, c.nullable, c.primaryKey]),
      [
        ['id', 'bigint', false, true],
        ['customer_id', 'integer', true, false],
        ['total', 'numeric(10,2)', true, false],
        ['placed_at', 'timestamp with time zone', true, false],
      ],
    );
    assert.deepEqual(columns[1]?.foreignKey, { schema: 'sales', table: 'customers', column: 'id' });
    assert.equal(columns[3]?.defaultValue, 'now()');
  });

  it('stops at the row limit and says that more rows exist', async () => {
    const [result] = await session.run(
      ['SELECT id, email, note FROM sales.customers ORDER BY id'],
      {
        rowLimit: 10,
      },
    );
    assert.equal(result?.rows.length, 10);
    assert.equal(result.truncated, true);
    assert.deepEqual(result.columns, ['id', 'email', 'note']);
    assert.deepEqual(result.rows[0], ['1', 'c1@example.com', null]);
  });

  it('reports affected rows of a write', async () => {
    const [result] = await session.run(["UPDATE sales.customers SET note = 'x' WHERE id <= 3"], {
      rowLimit: 10,
    });
    assert.equal(result?.rowCount, 3);
    assert.equal(result.command, 'UPDATE');
  });

  it('names the line and column of a syntax error', async () => {
    await assert.rejects(
      session.run(['SELECT 1', 'SELECT id\nFROM sales.customers\nWHER id = 1'], { rowLimit: 10 }),
      (error: unknown) => {
        assert.ok(isDatabaseError(error));
        assert.equal(error.reason, 'syntax');
        assert.match(
          error.message,
          /^Statement 2 failed \(line 3, column 6 of the statement\): syntax error at or near "id"/,
        );
        return true;
      },
    );
    // The session is still usable after the error.
    const [after] = await session.run(['SELECT 2 AS two'], { rowLimit: 10 });
    assert.deepEqual(after?.rows, [['2']]);
  });

  it('cancels a running statement on the server', async () => {
    const controller = new AbortController();
    const running = session.run(['SELECT pg_sleep(30)'], {
      rowLimit: 10,
      signal: controller.signal,
    });
    setTimeout(() => {
      controller.abort();
    }, 500);
    await assert.rejects(running, (error: unknown) => isCancelled(error));
    const [after] = await session.run(['SELECT 3'], { rowLimit: 10 });
    assert.deepEqual(after?.rows, [['3']]);
  });

  it('a wrong password says the server rejected it', async () => {
    await assert.rejects(openPostgres(connection, 'not-the-password'), (error: unknown) => {
      assert.ok(isDatabaseError(error));
      assert.equal(error.reason, 'authentication');
      assert.match(error.message, /rejected the password for openpypi@127\.0\.0\.1:\d+\/app/);
      assert.doesNotMatch(error.message, /not-the-password/);
      return true;
    });
  });

  it('no stored password says one is needed', async () => {
    await assert.rejects(
      openPostgres(connection, undefined),
      /asks for a password .* none is stored/,
    );
  });

  it('a server that is down says nothing accepts connections there', async () => {
    const down = { ...connection, port: 1 };
    await assert.rejects(openPostgres(down, server.password), (error: unknown) => {
      assert.ok(isDatabaseError(error));
      assert.equal(error.reason, 'unreachable');
      assert.match(
        error.message,
        /Nothing accepts connections at openpypi@127\.0\.0\.1:1\/app: is the server running/,
      );
      return true;
    });
  });
});
