import * as vscode from 'vscode';
import {
  describeConnection,
  passwordKey,
  type DatabaseConnection,
} from '../../core/database/databaseConnection';
import type { DatabaseSession } from '../../core/database/databaseSession';
import { openSession } from '../../core/database/openSession';
import { describeError } from '../../core/logging/describeError';
import type { Logger } from '../../core/logging/logger';
import type { SecretStore } from '../../core/secrets/secretStore';

/** Where one connection stands, as its tree node shows it. */
export type ConnectionStatus =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'connected'; readonly serverVersion: string }
  | { readonly kind: 'error'; readonly reason: string };

/**
 * Open sessions, one per connection name, opened on first use with the password from
 * SecretStorage and closed when the connection's settings or password change.
 */
export class ConnectionSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, Promise<DatabaseSession>>();
  private readonly statuses = new Map<string, ConnectionStatus>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a connection's name when its status changed. */
  readonly onDidChangeStatus = this.changed.event;

  constructor(
    private readonly secrets: SecretStore,
    private readonly log: Logger,
    private readonly wasmPath: string,
  ) {}

  status(name: string): ConnectionStatus {
    return this.statuses.get(name) ?? { kind: 'unknown' };
  }

  /** The open session of a connection, connecting first when needed. */
  session(connection: DatabaseConnection): Promise<DatabaseSession> {
    let session = this.sessions.get(connection.name);
    if (!session) {
      session = this.open(connection);
      this.sessions.set(connection.name, session);
      session.catch(() => {
        // A failed connection is not kept: the next use tries again.
        if (this.sessions.get(connection.name) === session) this.sessions.delete(connection.name);
      });
    }
    return session;
  }

  private async open(connection: DatabaseConnection): Promise<DatabaseSession> {
    const password =
      connection.kind === 'postgresql'
        ? await this.secrets.get(passwordKey(connection.name))
        : undefined;
    const baseFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    try {
      const session = await openSession(connection, password, {
        wasmPath: this.wasmPath,
        ...(baseFolder === undefined ? {} : { baseFolder }),
      });
      this.setStatus(connection.name, { kind: 'connected', serverVersion: session.serverVersion });
      this.log.info(
        `Database: connected to ${connection.name} (${describeConnection(connection)}), ${session.serverVersion}`,
      );
      return session;
    } catch (error) {
      const reason = describeError(error);
      this.setStatus(connection.name, { kind: 'error', reason });
      this.log.warn(`Database: ${connection.name}: ${reason}`);
      throw error;
    }
  }

  /** Closes a connection's session (its settings or password changed, or a refresh). */
  async close(name: string): Promise<void> {
    const session = this.sessions.get(name);
    this.sessions.delete(name);
    this.statuses.delete(name);
    if (session) await (await session.catch(() => undefined))?.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((name) => this.close(name)));
  }

  private setStatus(name: string, status: ConnectionStatus): void {
    if (JSON.stringify(this.statuses.get(name)) === JSON.stringify(status)) return;
    this.statuses.set(name, status);
    this.changed.fire(name);
  }

  dispose(): void {
    void this.closeAll();
    this.changed.dispose();
  }
}
