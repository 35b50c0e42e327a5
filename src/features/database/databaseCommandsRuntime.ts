/**
 * The Database commands' implementations (prompts, Run SQL, Alembic, model generation, Add
 * Alembic). registerDatabase loads this module on the first command, not at activation; the
 * build emits it as dist/database-commands-runtime.js (scripts/lib/lazyRuntimes.mjs), so the
 * extension bundle stays small. Errors cross the bundle boundary and are recognised by name.
 */
export { addAlembic } from './addAlembic';
export { alembicCommand, disposeAlembicOutput } from './alembicCommands';
export { addConnection, removeConnection, setPassword, testConnection } from './connectionCommands';
export { discoverConnections } from './discoverConnections';
export { generateModels } from './generateModels';
export { runSql } from './runSql';
