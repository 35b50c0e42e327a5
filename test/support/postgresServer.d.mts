// Types of test/support/postgresServer.mjs, for the tests in TypeScript.
export interface PostgresServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** postgresql://user:password@127.0.0.1:port/database */
  readonly url: string;
  /** Shuts the server down and deletes its folder; safe to call twice. */
  stop(): Promise<void>;
}
export declare function startPostgres(options?: {
  user?: string;
  password?: string;
  database?: string;
  bin?: string;
  startTimeoutMs?: number;
}): Promise<PostgresServer>;
