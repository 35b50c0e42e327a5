import * as vscode from 'vscode';
import type { TableDescription } from '../../core/database/databaseSchema';
import { generateSqlAlchemyModels } from '../../core/database/sqlAlchemyModels';
import { isDatabaseError } from '../../core/database/databaseErrors';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { connectionFromArgument, databaseNode } from './connectionArgument';
import type { DatabaseServices } from './databaseServices';

export interface GeneratedModels {
  readonly document: string;
  readonly text: string;
  readonly tables: number;
}

/**
 * Reads the live schema of a connection (the schema node it was invoked on, the `schema`
 * option, or the default schema) and opens SQLAlchemy 2.0 models for it in a new Python
 * document, to review and save.
 */
export async function generateModels(
  services: DatabaseServices,
  arg: unknown,
  options: unknown,
): Promise<GeneratedModels> {
  const node = databaseNode(arg);
  const connection = await connectionFromArgument(
    typeof options === 'object' &&
      options !== null &&
      typeof (options as { connection?: unknown }).connection === 'string'
      ? (options as { connection: string }).connection
      : arg,
    vscode.l10n.t('Generate models from which connection?'),
  );
  const wanted =
    node?.kind === 'schema'
      ? node.schema
      : typeof options === 'object' &&
          options !== null &&
          typeof (options as { schema?: unknown }).schema === 'string'
        ? (options as { schema: string }).schema
        : undefined;
  const defaultSchema = connection.kind === 'sqlite' ? 'main' : 'public';
  const { text, tables } = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Reading the schema of {0}…', connection.name),
      cancellable: true,
    },
    async (_progress, token) => {
      try {
        const session = await services.sessions.session(connection);
        const schemas = (await session.schemas()).map((s) => s.name);
        const schema = wanted ?? (schemas.includes(defaultSchema) ? defaultSchema : schemas[0]);
        if (schema === undefined || !schemas.includes(schema)) {
          throw new UserError(
            vscode.l10n.t('{0} has no schema "{1}".', connection.name, schema ?? defaultSchema),
          );
        }
        const described: TableDescription[] = [];
        for (const table of await session.tables(schema)) {
          if (token.isCancellationRequested) throw new CancelledError('model generation cancelled');
          described.push({ ...table, columns: await session.columns(schema, table.name) });
        }
        return {
          text: generateSqlAlchemyModels(described, {
            source: `${connection.name} (${session.serverVersion}, schema ${schema})`,
            defaultSchema: schema,
          }),
          tables: described.filter((t) => t.type === 'table').length,
        };
      } catch (error) {
        if (isDatabaseError(error)) throw new UserError(`${connection.name}: ${error.message}`);
        throw error;
      }
    },
  );
  const document = await vscode.workspace.openTextDocument({ content: text, language: 'python' });
  await vscode.window.showTextDocument(document, { preview: false });
  return { document: document.uri.toString(), text, tables };
}
