/** What the tree shows of a live schema, level by level. Plain data from the runtime. */
export interface SchemaInfo {
  readonly name: string;
}

export interface TableInfo {
  readonly schema: string;
  readonly name: string;
  readonly type: 'table' | 'view';
  /** The planner's row estimate (PostgreSQL reltuples; SQLite counts); undefined when unknown. */
  readonly rowEstimate?: number;
}

export interface ForeignKeyTarget {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
}

export interface ColumnInfo {
  readonly name: string;
  readonly dataType: string;
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  readonly foreignKey?: ForeignKeyTarget;
  readonly defaultValue?: string;
}

/** One table with its columns, for the model generator. */
export interface TableDescription extends TableInfo {
  readonly columns: readonly ColumnInfo[];
}
