import * as assert from 'node:assert/strict';
import { toCsv, toMarkdown } from '../../../../src/core/database/resultFormats';
import {
  isReadOnlyStatement,
  splitSqlStatements,
  writingStatementKinds,
} from '../../../../src/core/database/sqlStatements';

describe('SQL statements', () => {
  it('splits at top-level semicolons only', () => {
    const sql = `SELECT 'a;b' AS x; -- comment; here
INSERT INTO t VALUES ("q;"); /* block; */ DO $$ BEGIN PERFORM 1; END $$;

;SELECT 2`;
    assert.deepEqual(splitSqlStatements(sql), [
      "SELECT 'a;b' AS x",
      '-- comment; here\nINSERT INTO t VALUES ("q;")',
      '/* block; */ DO $$ BEGIN PERFORM 1; END $$',
      'SELECT 2',
    ]);
  });

  it('only SELECT, EXPLAIN, SHOW (and plain reads) go without confirmation', () => {
    for (const readOnly of [
      'SELECT * FROM t',
      '  -- note\nselect 1',
      'EXPLAIN SELECT * FROM t',
      'SHOW server_version',
      'WITH x AS (SELECT 1) SELECT * FROM x',
      "SELECT 'DELETE FROM t' AS text",
      'VALUES (1)',
    ]) {
      assert.equal(isReadOnlyStatement(readOnly), true, readOnly);
    }
    for (const writing of [
      'DELETE FROM t',
      'UPDATE t SET a = 1',
      'DROP TABLE t',
      'EXPLAIN ANALYZE DELETE FROM t',
      'WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone',
      'SELECT * INTO copy FROM t',
      "SELECT nextval('s')",
      'PRAGMA foreign_keys = ON',
      'BEGIN',
    ]) {
      assert.equal(isReadOnlyStatement(writing), false, writing);
    }
    assert.deepEqual(
      writingStatementKinds(['SELECT 1', 'delete from t', 'DELETE FROM u', 'DROP TABLE v']),
      ['DELETE', 'DROP'],
    );
  });
});

describe('result formats', () => {
  const result = {
    statement: 'SELECT * FROM t',
    columns: ['id', 'text'],
    rows: [
      ['1', 'plain'],
      ['2', 'has, comma and "quote"'],
      ['3', null],
      ['4', 'pipe | and *stars*\nnew line'],
    ],
    truncated: false,
  };

  it('CSV quotes what needs it, NULL is empty, CRLF line ends', () => {
    assert.equal(
      toCsv(result),
      'id,text\r\n1,plain\r\n2,"has, comma and ""quote"""\r\n3,\r\n4,"pipe | and *stars*\nnew line"\r\n',
    );
  });

  it('Markdown escapes table syntax and shows NULL', () => {
    const text = toMarkdown([result]);
    assert.match(text, /^```sql\nSELECT \* FROM t\n```/);
    assert.match(text, /\| id \| text \|\n\| --- \| --- \|/);
    assert.match(text, /\| 3 \| \*NULL\* \|/);
    assert.match(text, /\| 4 \| pipe \\\| and \\\*stars\\\* new line \|/);
    assert.match(text, /4 row\(s\)/);
  });
});
