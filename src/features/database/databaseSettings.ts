import * as vscode from 'vscode';
import {
  parseConnectionSettings,
  toSettingsEntry,
  type ConnectionSettings,
} from '../../core/database/connectionSettings';
import type { DatabaseConnection } from '../../core/database/databaseConnection';

export const databaseConfigurationKey = 'openpypi.database';

/** How Run SQL shows results. */
export type ResultFormat = 'table' | 'csv' | 'markdown';

export interface DatabaseSettings extends ConnectionSettings {
  readonly rowLimit: number;
  readonly resultFormat: ResultFormat;
  /** A Python executable for Alembic (machine scope); empty: the project's environment. */
  readonly pythonPath: string;
}

/** The Database settings, read in one place. */
export function readDatabaseSettings(): DatabaseSettings {
  const config = vscode.workspace.getConfiguration(databaseConfigurationKey);
  const rowLimit = Number(config.get<unknown>('rowLimit', 500));
  const format = config.get<string>('resultFormat', 'table');
  return {
    ...parseConnectionSettings(config.get<unknown>('connections', [])),
    rowLimit: Number.isInteger(rowLimit) && rowLimit > 0 ? rowLimit : 500,
    resultFormat: format === 'csv' || format === 'markdown' ? format : 'table',
    pythonPath: config.get<string>('pythonPath', '').trim(),
  };
}

/**
 * Writes the connection list to the user's settings: the setting is machine-scoped, so a
 * workspace cannot point a stored password at another server.
 */
export async function writeConnections(connections: readonly DatabaseConnection[]): Promise<void> {
  await vscode.workspace
    .getConfiguration(databaseConfigurationKey)
    .update('connections', connections.map(toSettingsEntry), vscode.ConfigurationTarget.Global);
}
