import * as assert from 'node:assert/strict';
import { parseConnectionSettings } from '../../../../src/core/database/connectionSettings';
import { parseConnectionUrl, sqlAlchemyUrl } from '../../../../src/core/database/connectionUrl';
import { discoverConnectionUrls } from '../../../../src/core/database/discoverConnectionUrls';

describe('connection URLs', () => {
  it('parses SQLAlchemy and libpq PostgreSQL URLs, keeping the password apart', () => {
    assert.deepEqual(
      parseConnectionUrl(
        'postgresql+psycopg2://shop:p%40ss@db.example.internal:6543/shop?sslmode=require',
        'x',
      ),
      {
        connection: {
          name: 'x',
          kind: 'postgresql',
          host: 'db.example.internal',
          port: 6543,
          database: 'shop',
          user: 'shop',
          sslMode: 'require',
        },
        password: 'p@ss',
      },
    );
    assert.equal(parseConnectionUrl('postgres://u@localhost/db', 'x')?.password, undefined);
    assert.equal(parseConnectionUrl('postgresql://${USER}:${PW}@host/db', 'x'), undefined);
    assert.equal(parseConnectionUrl('mysql://u:p@h/db', 'x'), undefined);
  });

  it('parses SQLite URLs: relative, absolute, and skips memory', () => {
    assert.deepEqual(parseConnectionUrl('sqlite:///data/app.db', 'x')?.connection, {
      name: 'x',
      kind: 'sqlite',
      file: 'data/app.db',
    });
    assert.deepEqual(parseConnectionUrl('sqlite:////var/app.db', 'x')?.connection, {
      name: 'x',
      kind: 'sqlite',
      file: '/var/app.db',
    });
    assert.equal(parseConnectionUrl('sqlite://', 'x'), undefined);
    assert.equal(parseConnectionUrl('sqlite:///:memory:', 'x'), undefined);
  });

  it('builds the URL Alembic gets, with the password encoded', () => {
    const parsed = parseConnectionUrl('postgresql://a%20b@h:5433/d?sslmode=verify-full', 'x');
    assert.ok(parsed);
    assert.equal(
      sqlAlchemyUrl(parsed.connection, 'p:w/d@'),
      'postgresql://a%20b:p%3Aw%2Fd%40@h:5433/d?sslmode=verify-full',
    );
    assert.equal(
      sqlAlchemyUrl({ name: 's', kind: 'sqlite', file: 'app.db' }, undefined, (f) => `/ws/${f}`),
      'sqlite:////ws/app.db',
    );
  });
});

describe('connection discovery', () => {
  it('finds sqlalchemy.url in alembic.ini, DATABASE_URL in .env and URLs in settings files', () => {
    const ini = discoverConnectionUrls(
      'alembic.ini',
      '[alembic]\nsqlalchemy.url = postgresql://app:secret@localhost/app\n',
    );
    assert.equal(ini.length, 1);
    assert.equal(ini[0]?.source, 'sqlalchemy.url');
    assert.equal(ini[0].password, 'secret');
    assert.equal(ini[0].line, 2);
    assert.equal(ini[0].connection.name, 'app (alembic.ini)');

    const env = discoverConnectionUrls(
      '.env',
      'DEBUG=1\nexport DATABASE_URL="sqlite:///db.sqlite3"\nOTHER_URL=postgresql://x@h/d\n',
    );
    assert.deepEqual(
      env.map((d) => [d.source, d.connection.kind, d.line]),
      [['DATABASE_URL', 'sqlite', 2]],
    );

    const py = discoverConnectionUrls(
      'app/settings.py',
      'ENGINE = create_engine("postgresql+asyncpg://svc@db:5432/orders")\n# old = "postgresql://a@b/c"\nURL = f"postgresql://{user}@h/d"\n',
    );
    assert.deepEqual(
      py.map((d) => d.connection.name),
      ['orders (settings.py)'],
    );
  });

  it('skips placeholders and empty ini values', () => {
    assert.deepEqual(
      discoverConnectionUrls(
        'alembic.ini',
        'sqlalchemy.url =\nsqlalchemy.url = driver://user:pass@localhost/dbname\n',
      ),
      [],
    );
    assert.deepEqual(
      discoverConnectionUrls('.env', 'DATABASE_URL=postgresql://${DB_USER}@h/d\n'),
      [],
    );
  });
});

describe('connection settings', () => {
  it('reads valid entries and names what is wrong with the others', () => {
    const { connections, problems } = parseConnectionSettings([
      { name: 'pg', host: 'h', database: 'd', user: 'u' },
      { name: 'lite', file: 'app.db' },
      { name: 'pg', host: 'dup', database: 'd', user: 'u' },
      { name: 'bad-port', database: 'd', user: 'u', port: 70000 },
      { name: 'bad-ssl', database: 'd', user: 'u', sslMode: 'maybe' },
      { host: 'no-name' },
      { name: 'mongo', kind: 'mongodb' },
    ]);
    assert.deepEqual(connections, [
      {
        name: 'pg',
        kind: 'postgresql',
        host: 'h',
        port: 5432,
        database: 'd',
        user: 'u',
        sslMode: 'prefer',
      },
      { name: 'lite', kind: 'sqlite', file: 'app.db' },
    ]);
    assert.equal(problems.length, 5);
    assert.match(problems[0] ?? '', /"pg" is used twice/);
    assert.match(problems[1] ?? '', /port 70000 is not a TCP port/);
    assert.match(problems[2] ?? '', /sslMode "maybe"/);
    assert.match(problems[3] ?? '', /\[5\] has no "name"/);
    assert.match(problems[4] ?? '', /kind "mongodb"/);
  });
});
