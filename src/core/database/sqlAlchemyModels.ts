import type { ColumnInfo, TableDescription } from './databaseSchema';

interface PythonType {
  /** The SQLAlchemy type expression, e.g. `String(255)`. */
  readonly sqlType: string;
  /** The names it needs from `sqlalchemy`. */
  readonly imports: readonly string[];
  /** The annotation inside Mapped[…]. */
  readonly annotation: string;
  /** Standard-library modules the annotation needs. */
  readonly modules?: readonly string[];
}

const pythonKeywords = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield metadata registry'.split(
    ' ',
  ),
);

/** Maps a PostgreSQL `format_type` or a SQLite declared type to SQLAlchemy 2.0. */
export function pythonTypeOf(dataType: string): PythonType {
  const t = dataType.toLowerCase().trim();
  const size = /\((\d+)\)/.exec(t)?.[1];
  const precision = /\((\d+)\s*,\s*(\d+)\)/.exec(t);
  if (/^(integer|int|int4|mediumint)\b/.test(t) || t === 'serial') {
    return { sqlType: 'Integer', imports: ['Integer'], annotation: 'int' };
  }
  if (/^(bigint|int8|bigserial)\b/.test(t)) {
    return { sqlType: 'BigInteger', imports: ['BigInteger'], annotation: 'int' };
  }
  if (/^(smallint|int2|tinyint)\b/.test(t)) {
    return { sqlType: 'SmallInteger', imports: ['SmallInteger'], annotation: 'int' };
  }
  if (/^(character varying|varchar|nvarchar|character|char|nchar)\b/.test(t)) {
    return { sqlType: size ? `String(${size})` : 'String', imports: ['String'], annotation: 'str' };
  }
  if (/^(text|clob|citext)\b/.test(t)) {
    return { sqlType: 'Text', imports: ['Text'], annotation: 'str' };
  }
  if (/^(boolean|bool)\b/.test(t)) {
    return { sqlType: 'Boolean', imports: ['Boolean'], annotation: 'bool' };
  }
  if (/^timestamp.*with time zone|^timestamptz/.test(t)) {
    return {
      sqlType: 'DateTime(timezone=True)',
      imports: ['DateTime'],
      annotation: 'datetime.datetime',
      modules: ['datetime'],
    };
  }
  if (/^(timestamp|datetime)\b/.test(t)) {
    return {
      sqlType: 'DateTime',
      imports: ['DateTime'],
      annotation: 'datetime.datetime',
      modules: ['datetime'],
    };
  }
  if (/^date\b/.test(t)) {
    return {
      sqlType: 'Date',
      imports: ['Date'],
      annotation: 'datetime.date',
      modules: ['datetime'],
    };
  }
  if (/^time\b/.test(t)) {
    return {
      sqlType: 'Time',
      imports: ['Time'],
      annotation: 'datetime.time',
      modules: ['datetime'],
    };
  }
  if (/^interval\b/.test(t)) {
    return {
      sqlType: 'Interval',
      imports: ['Interval'],
      annotation: 'datetime.timedelta',
      modules: ['datetime'],
    };
  }
  if (/^(numeric|decimal)\b/.test(t)) {
    return {
      sqlType: precision ? `Numeric(${precision[1]}, ${precision[2]})` : 'Numeric',
      imports: ['Numeric'],
      annotation: 'decimal.Decimal',
      modules: ['decimal'],
    };
  }
  if (/^(real|float4|double precision|float8|float|double)\b/.test(t)) {
    return { sqlType: 'Float', imports: ['Float'], annotation: 'float' };
  }
  if (/^uuid\b/.test(t)) {
    return { sqlType: 'Uuid', imports: ['Uuid'], annotation: 'uuid.UUID', modules: ['uuid'] };
  }
  if (/^jsonb?\b/.test(t)) {
    return { sqlType: 'JSON', imports: ['JSON'], annotation: 'Any' };
  }
  if (/^(bytea|blob|binary|varbinary)\b/.test(t)) {
    return { sqlType: 'LargeBinary', imports: ['LargeBinary'], annotation: 'bytes' };
  }
  return { sqlType: 'NullType()', imports: [], annotation: 'Any' };
}

/** A Python identifier for a database name (snake case kept; anything else replaced). */
export function pythonIdentifier(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (/^\d/.test(id)) id = `_${id}`;
  if (id === '') id = '_';
  return pythonKeywords.has(id) ? `${id}_` : id;
}

/** A class name for a table: `order_items` → `OrderItems`. */
export function pythonClassName(table: string): string {
  const words = table.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') || 'Table';
  return /^\d/.test(name) ? `T${name}` : name;
}

function pythonString(text: string): string {
  return JSON.stringify(text);
}

export interface ModelOptions {
  /** The connection's name and engine, for the module docstring. */
  readonly source: string;
  /** The default schema (`public`, `main`): its tables get no `schema` table argument. */
  readonly defaultSchema: string;
}

/** Tables Alembic and the engine keep for themselves. */
const skippedTables = new Set(['alembic_version']);

/**
 * A SQLAlchemy 2.0 module (typed Declarative: `DeclarativeBase`, `Mapped[...]`,
 * `mapped_column`) for the tables of a live schema. Tables without a primary key cannot be
 * mapped classes and become `Table` objects on the same metadata; views are listed in a comment.
 */
export function generateSqlAlchemyModels(
  tables: readonly TableDescription[],
  options: ModelOptions,
): string {
  const sqlImports = new Set<string>();
  const modules = new Set<string>();
  const typing = new Set<string>();
  const ormImports = new Set(['DeclarativeBase', 'Mapped', 'mapped_column']);
  const classNames = new Set<string>();
  const bodies: string[] = [];
  const views: string[] = [];

  const qualified = (schema: string, table: string): string =>
    schema === options.defaultSchema ? table : `${schema}.${table}`;

  const columnArguments = (column: ColumnInfo, attribute: string, type: PythonType): string[] => {
    const args: string[] = [];
    if (attribute !== column.name) args.push(pythonString(column.name));
    if (column.foreignKey) {
      sqlImports.add('ForeignKey');
      args.push(
        `ForeignKey(${pythonString(`${qualified(column.foreignKey.schema, column.foreignKey.table)}.${column.foreignKey.column}`)})`,
      );
      // The referenced column's type is taken from there; say it only when it is unusual.
    } else {
      args.push(type.sqlType);
      for (const name of type.imports) sqlImports.add(name);
      if (type.sqlType === 'NullType()') sqlImports.add('__NullType');
    }
    if (column.primaryKey) args.push('primary_key=True');
    if (column.primaryKey && column.nullable) args.push('nullable=True');
    if (column.defaultValue !== undefined && !/^nextval\(/i.test(column.defaultValue)) {
      sqlImports.add('text');
      args.push(`server_default=text(${pythonString(column.defaultValue)})`);
    }
    return args;
  };

  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
    if (skippedTables.has(table.name)) continue;
    if (table.type === 'view') {
      views.push(qualified(table.schema, table.name));
      continue;
    }
    const schemaArgument =
      table.schema === options.defaultSchema
        ? undefined
        : `{"schema": ${pythonString(table.schema)}}`;
    const hasPrimaryKey = table.columns.some((c) => c.primaryKey);
    if (!hasPrimaryKey) {
      sqlImports.add('Table');
      sqlImports.add('Column');
      const columns = table.columns.map((column) => {
        const type = pythonTypeOf(column.dataType);
        for (const name of type.imports) sqlImports.add(name);
        if (type.sqlType === 'NullType()') sqlImports.add('__NullType');
        const args = [pythonString(column.name), type.sqlType];
        if (column.foreignKey) {
          sqlImports.add('ForeignKey');
          args.push(
            `ForeignKey(${pythonString(`${qualified(column.foreignKey.schema, column.foreignKey.table)}.${column.foreignKey.column}`)})`,
          );
        }
        args.push(`nullable=${column.nullable ? 'True' : 'False'}`);
        return `    Column(${args.join(', ')}),`;
      });
      const variable = `t_${pythonIdentifier(table.name)}`;
      bodies.push(
        [
          `# ${table.name} has no primary key, so it is a Table rather than a mapped class.`,
          `${variable} = Table(`,
          `    ${pythonString(table.name)},`,
          '    Base.metadata,',
          ...columns,
          ...(schemaArgument ? [`    schema=${pythonString(table.schema)},`] : []),
          ')',
        ].join('\n'),
      );
      continue;
    }
    let className = pythonClassName(table.name);
    while (classNames.has(className)) className = `${className}_`;
    classNames.add(className);
    const lines = [`class ${className}(Base):`, `    __tablename__ = ${pythonString(table.name)}`];
    if (schemaArgument) lines.push(`    __table_args__ = ${schemaArgument}`);
    lines.push('');
    const attributes = new Set<string>();
    for (const column of table.columns) {
      let attribute = pythonIdentifier(column.name);
      while (attributes.has(attribute)) attribute = `${attribute}_`;
      attributes.add(attribute);
      const type = pythonTypeOf(column.dataType);
      for (const module of type.modules ?? []) modules.add(module);
      if (type.annotation === 'Any') typing.add('Any');
      const annotation = column.nullable ? `Optional[${type.annotation}]` : type.annotation;
      if (column.nullable) typing.add('Optional');
      lines.push(
        `    ${attribute}: Mapped[${annotation}] = mapped_column(${columnArguments(column, attribute, type).join(', ')})`,
      );
    }
    bodies.push(lines.join('\n'));
  }

  const nullType = sqlImports.delete('__NullType');
  const header = [
    `"""SQLAlchemy 2.0 models of ${options.source}, generated by OpenPypi from the live schema.`,
    '',
    'Review before use: relationships are not generated, and column types the generator does not',
    'know are NullType.',
    '"""',
    '',
    'from __future__ import annotations',
    '',
    ...[...modules].sort().map((m) => `import ${m}`),
    ...(typing.size > 0 ? [`from typing import ${[...typing].sort().join(', ')}`] : []),
    ...(modules.size > 0 || typing.size > 0 ? [''] : []),
    ...(sqlImports.size > 0 ? [`from sqlalchemy import ${[...sqlImports].sort().join(', ')}`] : []),
    `from sqlalchemy.orm import ${[...ormImports].sort().join(', ')}`,
    ...(nullType ? ['from sqlalchemy.types import NullType'] : []),
    '',
    '',
    'class Base(DeclarativeBase):',
    '    pass',
  ];
  const footer = views.length > 0 ? [`# Views (not mapped): ${views.join(', ')}`] : [];
  return `${[header.join('\n'), ...bodies, ...footer].join('\n\n\n')}\n`;
}
