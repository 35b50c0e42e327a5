import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alembicScaffold } from '../../../../src/core/database/alembicScaffold';
import { findModelsBase, moduleOfFile } from '../../../../src/core/database/findModelsBase';
import {
  generateSqlAlchemyModels,
  pythonTypeOf,
} from '../../../../src/core/database/sqlAlchemyModels';
import type { TableDescription } from '../../../../src/core/database/databaseSchema';

const tables: TableDescription[] = [
  {
    schema: 'public',
    name: 'customers',
    type: 'table',
    columns: [
      {
        name: 'id',
        dataType: 'integer',
        nullable: false,
        primaryKey: true,
        defaultValue: "nextval('customers_id_seq'::regclass)",
      },
      { name: 'email', dataType: 'character varying(200)', nullable: false, primaryKey: false },
      {
        name: 'created_at',
        dataType: 'timestamp with time zone',
        nullable: false,
        primaryKey: false,
        defaultValue: 'now()',
      },
      { name: 'class', dataType: 'text', nullable: true, primaryKey: false },
      { name: 'profile', dataType: 'jsonb', nullable: true, primaryKey: false },
    ],
  },
  {
    schema: 'public',
    name: 'order_items',
    type: 'table',
    columns: [
      { name: 'id', dataType: 'bigint', nullable: false, primaryKey: true },
      {
        name: 'customer_id',
        dataType: 'integer',
        nullable: true,
        primaryKey: false,
        foreignKey: { schema: 'public', table: 'customers', column: 'id' },
      },
      { name: 'price', dataType: 'numeric(10,2)', nullable: true, primaryKey: false },
      { name: 'shape', dataType: 'geometry', nullable: true, primaryKey: false },
    ],
  },
  {
    schema: 'audit',
    name: 'events',
    type: 'table',
    columns: [
      { name: 'at', dataType: 'timestamp without time zone', nullable: false, primaryKey: false },
    ],
  },
  { schema: 'public', name: 'alembic_version', type: 'table', columns: [] },
  { schema: 'public', name: 'recent', type: 'view', columns: [] },
];

describe('SQLAlchemy 2.0 models from a schema', () => {
  const code = generateSqlAlchemyModels(tables, {
    source: 'shop (PostgreSQL)',
    defaultSchema: 'public',
  });

  it('writes typed Declarative classes with keys, nullability and defaults', () => {
    assert.match(code, /^from sqlalchemy\.orm import DeclarativeBase, Mapped, mapped_column$/m);
    assert.match(code, /^class Customers\(Base\):\n {4}__tablename__ = "customers"$/m);
    assert.match(code, /^ {4}id: Mapped\[int\] = mapped_column\(Integer, primary_key=True\)$/m);
    assert.match(code, /^ {4}email: Mapped\[str\] = mapped_column\(String\(200\)\)$/m);
    assert.match(
      code,
      /^ {4}created_at: Mapped\[datetime\.datetime\] = mapped_column\(DateTime\(timezone=True\), server_default=text\("now\(\)"\)\)$/m,
    );
    assert.match(code, /^ {4}class_: Mapped\[Optional\[str\]\] = mapped_column\("class", Text\)$/m);
    assert.match(code, /^ {4}profile: Mapped\[Optional\[Any\]\] = mapped_column\(JSON\)$/m);
    assert.match(code, /^class OrderItems\(Base\):$/m);
    assert.match(
      code,
      /^ {4}customer_id: Mapped\[Optional\[int\]\] = mapped_column\(ForeignKey\("customers\.id"\)\)$/m,
    );
    assert.match(
      code,
      /^ {4}price: Mapped\[Optional\[decimal\.Decimal\]\] = mapped_column\(Numeric\(10, 2\)\)$/m,
    );
    assert.match(code, /^ {4}shape: Mapped\[Optional\[Any\]\] = mapped_column\(NullType\(\)\)$/m);
    assert.match(
      code,
      /^t_events = Table\(\n {4}"events",\n {4}Base\.metadata,\n {4}Column\("at", DateTime, nullable=False\),\n {4}schema="audit",\n\)$/m,
    );
    assert.match(code, /# Views \(not mapped\): recent/);
    assert.doesNotMatch(code, /alembic_version/);
  });

  it('is valid Python (compiled by the real interpreter)', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'openpypi-models-'));
    try {
      const file = path.join(folder, 'models.py');
      writeFileSync(file, code);
      const result = spawnSync('/usr/bin/python3', ['-m', 'py_compile', file], {
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('maps SQLite declared types too', () => {
    assert.equal(pythonTypeOf('INTEGER').annotation, 'int');
    assert.equal(pythonTypeOf('VARCHAR(20)').sqlType, 'String(20)');
    assert.equal(pythonTypeOf('BLOB').annotation, 'bytes');
    assert.equal(pythonTypeOf('REAL').sqlType, 'Float');
  });
});

describe('Add Alembic', () => {
  it('finds the declarative base of a project (2.0 class or 1.x function)', () => {
    assert.deepEqual(
      findModelsBase([
        { file: 'tests/test_models.py', text: 'class Base(DeclarativeBase):\n    pass\n' },
        {
          file: 'src/shop/db.py',
          text: 'from sqlalchemy.orm import declarative_base\nModel = declarative_base()\n',
        },
        { file: 'src/shop/models.py', text: 'class Base(orm.DeclarativeBase):\n    pass\n' },
      ]),
      { module: 'shop.models', name: 'Base', file: 'src/shop/models.py' },
    );
    assert.equal(findModelsBase([{ file: 'app.py', text: 'print(1)' }]), undefined);
    assert.equal(moduleOfFile('app/models/__init__.py'), 'app.models');
    assert.equal(moduleOfFile('my-app/models.py'), undefined);
  });

  it('writes alembic.ini without a URL and an env.py wired to the base and $DATABASE_URL', () => {
    const files = alembicScaffold({
      base: { module: 'shop.models', name: 'Base', file: 'src/shop/models.py' },
      srcLayout: true,
    });
    assert.deepEqual(
      files.map((f) => f.path),
      [
        'alembic.ini',
        'migrations/env.py',
        'migrations/script.py.mako',
        'migrations/README',
        'migrations/versions/.gitkeep',
      ],
    );
    const ini = files[0]?.content ?? '';
    assert.match(ini, /^sqlalchemy\.url =$/m);
    assert.match(ini, /^prepend_sys_path = \. src$/m);
    const env = files[1]?.content ?? '';
    assert.match(env, /^from shop\.models import Base$/m);
    assert.match(env, /^target_metadata = Base\.metadata$/m);
    assert.match(env, /os\.environ\.get\("DATABASE_URL"\)/);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'openpypi-envpy-'));
    try {
      writeFileSync(path.join(folder, 'env.py'), env);
      const result = spawnSync(
        '/usr/bin/python3',
        ['-m', 'py_compile', path.join(folder, 'env.py')],
        { encoding: 'utf8' },
      );
      assert.equal(result.status, 0, result.stderr);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
