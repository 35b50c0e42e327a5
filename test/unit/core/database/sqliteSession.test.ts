import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDatabaseError } from '../../../../src/core/database/databaseErrors';
import { openSqlite } from '../../../../src/core/database/sqliteSession';

const wasm = require.resolve('sql.js/dist/sql-wasm.wasm');

describe('SQLite session (sql.js, a real SQLite file)', () => {
  let folder: string;
  let file: string;

  before(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'openpypi-sqlite-'));
    file = path.join(folder, 'shop.db');
    // An empty file is a valid empty SQLite database to sql.js; the writes below make it real.
    writeFileSync(file, '');
    const session = await openSqlite(file, wasm);
    await session.run(
      [
        'CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, note TEXT)',
        'CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id), total NUMERIC(10, 2) DEFAULT 0)',
        'CREATE VIEW emails AS SELECT email FROM customers',
        "INSERT INTO customers (email) VALUES ('a@example.com'), ('b@example.com'), ('c@example.com')",
      ],
      { rowLimit: 100 },
    );
    await session.close();
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes changes back to the file, which is a real SQLite database', () => {
    assert.equal(readFileSync(file).subarray(0, 15).toString('latin1'), 'SQLite format 3');
  });

  it('lists main, its tables and views with row counts, and columns with keys', async () => {
    const session = await openSqlite(file, wasm);
    try {
      assert.match(session.serverVersion, /^SQLite 3\.\d+/);
      assert.deepEqual(await session.schemas(), [{ name: 'main' }]);
      assert.deepEqual(
        (await session.tables('main')).map((t) => [t.name, t.type, t.rowEstimate]),
        [
          ['customers', 'table', 3],
          ['emails', 'view', undefined],
          ['orders', 'table', 0],
        ],
      );
      const columns = await session.columns('main', 'orders');
      assert.deepEqual(
        columns.map((c) => [c.name, c.dataType, c.nullable, c.primaryKey]),
        [
          ['id', 'INTEGER', false, true],
          ['customer_id', 'INTEGER', false, false],
          ['total', 'NUMERIC(10, 2)', true, false],
        ],
      );
      assert.deepEqual(columns[1]?.foreignKey, {
        schema: 'main',
        table: 'customers',
        column: 'id',
      });
      assert.equal(columns[2]?.defaultValue, '0');
    } finally {
      await session.close();
    }
  });

  it('keeps rows up to the limit, NULL as null', async () => {
    const session = await openSqlite(file, wasm);
    try {
      const [result] = await session.run(['SELECT id, email, note FROM customers ORDER BY id'], {
        rowLimit: 2,
      });
      assert.deepEqual(result?.rows, [
        ['1', 'a@example.com', null],
        ['2', 'b@example.com', null],
      ]);
      assert.equal(result.truncated, true);
    } finally {
      await session.close();
    }
  });

  it('a syntax error names the statement and what SQLite said', async () => {
    const session = await openSqlite(file, wasm);
    try {
      await assert.rejects(
        session.run(['SELECT 1', 'SELEC * FROM customers'], { rowLimit: 5 }),
        (error: unknown) => {
          assert.ok(isDatabaseError(error));
          assert.equal(error.reason, 'syntax');
          assert.match(
            error.message,
            /^Statement 2 failed: near "SELEC": syntax error\. Statement: SELEC \* FROM customers$/,
          );
          return true;
        },
      );
    } finally {
      await session.close();
    }
  });

  it('a missing file is an error that names it, and nothing is created', async () => {
    const missing = path.join(folder, 'missing.db');
    await assert.rejects(openSqlite(missing, wasm), /missing\.db does not exist/);
    assert.throws(() => readFileSync(missing));
  });

  it('a file that is not a database says so', async () => {
    const notDb = path.join(folder, 'notes.txt');
    writeFileSync(
      notDb,
      'this is not a database, just some text that is long enough to have a header',
    );
    await assert.rejects(openSqlite(notDb, wasm), /not a SQLite database/);
  });
});
