import type { SecretStore } from '../../core/secrets/secretStore';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import { ConnectionSessions } from './connectionSessions';
import { DatabaseSection } from './databaseSection';
import { readDatabaseSettings } from './databaseSettings';
import { treeSnapshot, type TreeRow } from './databaseTreeSnapshot';

/**
 * The database sessions and the Database section of the Providers view. The build emits this as
 * dist/database-view-runtime.js, which registerDatabase loads the first time the view draws the
 * Database row or a Database command runs, so activation carries neither
 * (scripts/lib/lazyRuntimes.mjs). pg and sql.js load later still, on the first connection.
 */
export function createDatabaseView(
  secrets: SecretStore,
  log: ExtensionLog,
  wasmPath: string,
): {
  readonly sessions: ConnectionSessions;
  readonly section: DatabaseSection;
  /** The section's rows, for the extension API. */
  tree(expand: readonly string[]): Promise<TreeRow[]>;
} {
  const sessions = new ConnectionSessions(secrets, log, wasmPath);
  const section = new DatabaseSection(sessions, readDatabaseSettings);
  return { sessions, section, tree: (expand) => treeSnapshot(section, expand) };
}
