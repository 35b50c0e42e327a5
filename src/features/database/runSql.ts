import * as vscode from 'vscode';
import { isDatabaseError } from '../../core/database/databaseErrors';
import type { QueryResult } from '../../core/database/queryResult';
import { toCsv, toMarkdown } from '../../core/database/resultFormats';
import { splitSqlStatements, writingStatementKinds } from '../../core/database/sqlStatements';
import { isCancelled } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import { connectionFromArgument, databaseNode } from './connectionArgument';
import type { DatabaseServices } from './databaseServices';
import { readDatabaseSettings, type ResultFormat } from './databaseSettings';
import { showResultsPanel } from './resultsPanel';
import { withCancellableProgress } from '../progress/withCancellableProgress';

/** Options for automation and tests, in place of the editor and the prompts. */
interface RunSqlOptions {
  readonly sql?: string;
  readonly connection?: string;
  readonly format?: ResultFormat;
  /** true runs statements other than SELECT/EXPLAIN/SHOW without asking; false never does. */
  readonly confirm?: boolean;
}

function runSqlOptions(value: unknown): RunSqlOptions {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.sql === 'string' ? { sql: v.sql } : {}),
    ...(typeof v.connection === 'string' ? { connection: v.connection } : {}),
    ...(v.format === 'table' || v.format === 'csv' || v.format === 'markdown'
      ? { format: v.format }
      : {}),
    ...(typeof v.confirm === 'boolean' ? { confirm: v.confirm } : {}),
  };
}

export interface RunSqlOutcome {
  readonly connection: string;
  readonly results: readonly QueryResult[];
  readonly format: ResultFormat;
  /** The CSV or Markdown document, when results went to one. */
  readonly document?: string;
}

/** The SQL to run: the option, the selection, or the whole file (a .sql file or the given Uri). */
async function sqlText(target: unknown, options: RunSqlOptions): Promise<string> {
  if (options.sql !== undefined) return options.sql;
  if (target instanceof vscode.Uri) {
    return (await vscode.workspace.openTextDocument(target)).getText();
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    throw new UserError(
      vscode.l10n.t(
        'Open a .sql file, or select SQL in an editor, then run OpenPypi: Run SQL again.',
      ),
    );
  }
  const selected = editor.selections.map((s) => editor.document.getText(s)).join('\n');
  return selected.trim() !== '' ? selected : editor.document.getText();
}

async function confirmWrites(
  kinds: readonly string[],
  connection: string,
  options: RunSqlOptions,
): Promise<boolean> {
  if (kinds.length === 0) return true;
  if (options.confirm !== undefined) return options.confirm;
  const run = vscode.l10n.t('Run');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Run {0} on "{1}"?', kinds.join(', '), connection),
    {
      modal: true,
      detail: vscode.l10n.t(
        'These statements are not SELECT, EXPLAIN or SHOW: they may change data or the schema, and cannot be undone from here.',
      ),
    },
    run,
  );
  return answer === run;
}

async function show(
  results: readonly QueryResult[],
  format: ResultFormat,
  title: string,
): Promise<string | undefined> {
  if (format === 'table') {
    showResultsPanel(title, results);
    return undefined;
  }
  const content =
    format === 'markdown'
      ? toMarkdown(results)
      : toCsv(
          [...results].reverse().find((r) => r.columns.length > 0) ??
            results[results.length - 1] ?? {
              statement: '',
              columns: [],
              rows: [],
              truncated: false,
            },
        );
  const document = await vscode.workspace.openTextDocument({
    content,
    language: format === 'markdown' ? 'markdown' : 'csv',
  });
  await vscode.window.showTextDocument(document, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: false,
  });
  return document.uri.toString();
}

/**
 * Runs the selection or the whole SQL file against a connection: statements other than
 * SELECT/EXPLAIN/SHOW after confirmation, at most the row-limit setting's rows per statement,
 * cancellable; results in a read-only table view, or a CSV or Markdown document.
 */
export async function runSql(
  services: DatabaseServices,
  target: unknown,
  rawOptions: unknown,
): Promise<RunSqlOutcome | undefined> {
  const options = runSqlOptions(rawOptions);
  const settings = readDatabaseSettings();
  const text = await sqlText(target, options);
  const statements = splitSqlStatements(text);
  if (statements.length === 0) {
    throw new UserError(
      vscode.l10n.t('There is no SQL statement to run in the selection or file.'),
    );
  }
  const connection = await connectionFromArgument(
    options.connection ?? (databaseNode(target) ? target : undefined),
    vscode.l10n.t('Run the SQL against which connection?'),
  );
  const kinds = writingStatementKinds(statements);
  if (!(await confirmWrites(kinds, connection.name, options))) return undefined;

  const results = await withCancellableProgress(
    vscode.l10n.t('Running {0} statement(s) on {1}…', statements.length, connection.name),
    async (signal) => {
      let outcome: 'completed' | 'failed' | 'cancelled' = 'failed';
      try {
        const session = await services.sessions.session(connection);
        const ran = await session.run(statements, {
          rowLimit: settings.rowLimit,
          signal,
        });
        outcome = 'completed';
        return ran;
      } catch (error) {
        if (isCancelled(error)) outcome = 'cancelled';
        if (isDatabaseError(error)) throw new UserError(`${connection.name}: ${error.message}`);
        throw error;
      } finally {
        if (kinds.length > 0) {
          await services.audit.record({
            type: 'database.statements',
            connection: connection.name,
            kinds,
            statements: statements.length,
            outcome,
          });
        }
      }
    },
  );
  if (kinds.length > 0) services.section.refresh(services.section.connectionNode(connection.name));
  const format = options.format ?? settings.resultFormat;
  const document = await show(results, format, vscode.l10n.t('Results: {0}', connection.name));
  return { connection: connection.name, results, format, ...(document ? { document } : {}) };
}
