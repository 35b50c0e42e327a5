import path from 'node:path';
import * as vscode from 'vscode';
import type { AlembicAction } from '../../core/database/alembicCommand';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import type { Redactor } from '../../core/redaction/redactor';
import type { SecretStore } from '../../core/secrets/secretStore';
import type { CommandHandlers } from '../commands/commandIds';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { ProvidersViewHost } from '../providers/providerSection';
import { LazySection } from '../providers/lazySection';
import { databaseNode } from './connectionArgument';
import type * as DatabaseCommands from './databaseCommandsRuntime';
import type { DatabaseSection } from './databaseSection';
import type { DatabaseServices } from './databaseServices';
import { databaseConfigurationKey } from './databaseSettings';
import type { TreeRow } from './databaseTreeSnapshot';
import type { DatabaseNode } from './databaseTreeModel';
import type * as DatabaseView from './databaseViewRuntime';

type CommandsModule = typeof DatabaseCommands;
let commandsModule: CommandsModule | undefined;

/** The commands' code, loaded on first use (dist/database-commands-runtime.js in the build). */
function load(): CommandsModule {
  // A lazy require: see AiProvider's loadRuntime for why not import().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  commandsModule ??= require('./databaseCommandsRuntime') as CommandsModule;
  return commandsModule;
}

export type DatabaseCommandId =
  | 'openpypi.database.addConnection'
  | 'openpypi.database.removeConnection'
  | 'openpypi.database.setPassword'
  | 'openpypi.database.testConnection'
  | 'openpypi.database.discoverConnections'
  | 'openpypi.database.refresh'
  | 'openpypi.database.runSql'
  | 'openpypi.database.alembicCurrent'
  | 'openpypi.database.alembicHistory'
  | 'openpypi.database.alembicUpgrade'
  | 'openpypi.database.alembicDowngrade'
  | 'openpypi.database.alembicRevision'
  | 'openpypi.database.generateModels'
  | 'openpypi.database.addAlembic';

/** What tests and other extensions can read of the Database section. */
export interface DatabaseApi {
  /** The section's rows, expanding those whose labels are given (connections, schemas, tables). */
  tree(expand: readonly string[]): Promise<TreeRow[]>;
}

export interface DatabaseFeature {
  readonly commands: Pick<CommandHandlers, DatabaseCommandId>;
  readonly api: DatabaseApi;
}

/**
 * The Database provider: connections in settings (passwords in SecretStorage), its section of
 * the Providers view, Run SQL, Alembic and model generation. pg and sql.js load on first use.
 */
export function registerDatabase(
  context: vscode.ExtensionContext,
  services: {
    readonly log: ExtensionLog;
    readonly redactor: Redactor;
    readonly audit: AuditRecorder;
    readonly view: ProvidersViewHost;
    readonly secrets: SecretStore;
  },
): DatabaseFeature {
  // The sessions and the section load (dist/database-view-runtime.js) when the view first draws
  // the Database row or a Database command runs; until then there is no session to close.
  let view: ReturnType<typeof DatabaseView.createDatabaseView> | undefined;
  const loadParts = (): ReturnType<typeof DatabaseView.createDatabaseView> => {
    if (view === undefined) {
      // A lazy require: the build turns it into a require of dist/database-view-runtime.js.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      view = (require('./databaseViewRuntime') as typeof DatabaseView).createDatabaseView(
        services.secrets,
        services.log,
        path.join(context.extensionPath, 'dist', 'sql-wasm.wasm'),
      );
      context.subscriptions.push(view.sessions, view.section);
    }
    return view;
  };
  const section = new LazySection<DatabaseNode, DatabaseSection>(
    'database',
    () => loadParts().section,
  );
  const loadView = (): ReturnType<typeof DatabaseView.createDatabaseView> => {
    // Through the view's stand-in, so the section's redraws reach the view from the start.
    section.load();
    return loadParts();
  };
  const shared: DatabaseServices = {
    ...services,
    get sessions() {
      return loadView().sessions;
    },
    get section() {
      return loadView().section;
    },
  };
  context.subscriptions.push(
    section,
    services.view.addSection(section),
    { dispose: () => commandsModule?.disposeAlembicOutput() },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(databaseConfigurationKey) || view === undefined) return;
      const shown = view;
      void shown.sessions.closeAll();
      shown.section.refresh();
    }),
    services.secrets.onDidChange((key) => {
      const prefix = 'openpypi.database.password.';
      if (!key.startsWith(prefix) || view === undefined) return;
      const shown = view;
      const name = key.slice(prefix.length);
      void shown.sessions.close(name).then(() => {
        shown.section.refresh(shown.section.connectionNode(name));
      });
    }),
  );
  const alembic = (action: AlembicAction) => (arg?: unknown, options?: unknown) =>
    load().alembicCommand(shared, action, arg, options);
  return {
    api: { tree: (expand) => loadView().tree(expand) },
    commands: {
      'openpypi.database.addConnection': (arg, options) =>
        load().addConnection(shared, arg, options),
      'openpypi.database.removeConnection': (arg, options) =>
        load().removeConnection(shared, arg, options),
      'openpypi.database.setPassword': (arg, password) => load().setPassword(shared, arg, password),
      'openpypi.database.testConnection': (arg) => load().testConnection(shared, arg),
      'openpypi.database.discoverConnections': (options) =>
        load().discoverConnections(shared, options),
      'openpypi.database.refresh': async (arg) => {
        const node = databaseNode(arg);
        const shown = loadView();
        if (node?.kind === 'connection') await shown.sessions.close(node.connection.name);
        shown.section.refresh(node);
      },
      'openpypi.database.runSql': (target, options) => load().runSql(shared, target, options),
      'openpypi.database.alembicCurrent': alembic('current'),
      'openpypi.database.alembicHistory': alembic('history'),
      'openpypi.database.alembicUpgrade': alembic('upgrade'),
      'openpypi.database.alembicDowngrade': alembic('downgrade'),
      'openpypi.database.alembicRevision': alembic('revision'),
      'openpypi.database.generateModels': (arg, options) =>
        load().generateModels(shared, arg, options),
      'openpypi.database.addAlembic': (folder) => load().addAlembic(folder),
    },
  };
}
