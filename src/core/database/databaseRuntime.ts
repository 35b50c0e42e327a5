/**
 * The database runtime: everything that pulls in `pg` and `sql.js`. The Database feature loads it
 * with a lazy require on first use (a tree expansion, a test, a query); the build emits it as
 * its own file (dist/database-runtime.js) with sql.js's WebAssembly next to it, so activation
 * never loads either.
 */
export { openPostgres } from './postgresSession';
export { openSqlite } from './sqliteSession';
