/**
 * Splits SQL text into statements at top-level semicolons, skipping quotes ('…', "…"),
 * dollar quotes ($tag$…$tag$), line comments (--) and block comments.
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (ch === "'" || ch === '"') {
      i += 1;
      while (i < n) {
        if (sql[i] === ch) {
          if (sql[i + 1] === ch) i += 2;
          else break;
        } else i += 1;
      }
      i += 1;
    } else if (ch === '$') {
      const tag = /^\$[A-Za-z_0-9]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        i = end === -1 ? n : end + tag.length;
      } else i += 1;
    } else if (ch === ';') {
      statements.push(sql.slice(start, i));
      i += 1;
      start = i;
    } else i += 1;
  }
  statements.push(sql.slice(start));
  return statements.filter((s) => stripComments(s).trim() !== '').map((s) => s.trim());
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

/** The words of a statement outside quotes and comments, upper-cased. */
function words(statement: string): string[] {
  const bare = stripComments(statement)
    .replace(/'(?:[^']|'')*'/g, ' ')
    .replace(/"(?:[^"]|"")*"/g, ' ')
    .replace(/\$([A-Za-z_0-9]*)\$[\s\S]*?\$\1\$/g, ' ');
  return bare.toUpperCase().match(/[A-Z_]+/g) ?? [];
}

const writingWords = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'CREATE',
  'ALTER',
  'DROP',
  'TRUNCATE',
  'GRANT',
  'REVOKE',
  'COPY',
  'CALL',
  'DO',
  'VACUUM',
  'REINDEX',
  'CLUSTER',
  'LOCK',
  'ATTACH',
  'DETACH',
  'INTO',
  'SET',
  'NEXTVAL',
  'SETVAL',
]);

/**
 * Whether a statement only reads: SELECT, EXPLAIN (without ANALYZE, which runs the statement),
 * SHOW, VALUES, TABLE, or WITH … SELECT. Anything else, and any read that names a writing
 * keyword (SELECT … INTO, WITH … DELETE, SELECT nextval()), needs the user's confirmation.
 */
export function isReadOnlyStatement(statement: string): boolean {
  const list = words(statement);
  const first = list[0];
  if (first === undefined) return true;
  if (first === 'SHOW') return true;
  if (first === 'EXPLAIN' && list.includes('ANALYZE')) return false;
  if (!['SELECT', 'EXPLAIN', 'VALUES', 'TABLE', 'WITH'].includes(first)) return false;
  return !list.some((word) => writingWords.has(word) && !(word === 'SET' && first === 'EXPLAIN'));
}

/** The first keyword of each statement that needs confirmation (for the prompt and the audit). */
export function writingStatementKinds(statements: readonly string[]): string[] {
  return [
    ...new Set(statements.filter((s) => !isReadOnlyStatement(s)).map((s) => words(s)[0] ?? '?')),
  ];
}
