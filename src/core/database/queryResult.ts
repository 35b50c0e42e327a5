/** One statement's result, as the runtime hands it back (values already plain text or null). */
export interface QueryResult {
  readonly statement: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
  /** Rows affected (INSERT/UPDATE/DELETE), when the engine says. */
  readonly rowCount?: number;
  /** More rows existed than the row limit let through. */
  readonly truncated: boolean;
  readonly command?: string;
}

/** How a value is shown: text as is, null as NULL, bytes as hex, objects as JSON. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return JSON.stringify(value);
}
