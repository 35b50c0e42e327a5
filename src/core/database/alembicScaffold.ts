import type { ModelsBase } from './findModelsBase';

/** A file to create, relative to the project folder. */
export interface ScaffoldFile {
  readonly path: string;
  readonly content: string;
}

/** The environment variable env.py reads the database URL from (set by OpenPypi's Alembic commands). */
export const databaseUrlVariable = 'DATABASE_URL';

function alembicIni(scriptLocation: string, srcLayout: boolean): string {
  return `# Alembic configuration, added by OpenPypi.
[alembic]
script_location = ${scriptLocation}
prepend_sys_path = ${srcLayout ? '. src' : '.'}
path_separator = os
version_path_separator = os

# No URL here, so no password in the repository: migrations/env.py reads it from the
# ${databaseUrlVariable} environment variable (OpenPypi's Alembic commands set it from the chosen
# connection and its password in VS Code's SecretStorage).
sqlalchemy.url =

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console
qualname =

[logger_sqlalchemy]
level = WARNING
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
`;
}

function envPy(base: ModelsBase | undefined): string {
  const metadata = base
    ? `from ${base.module} import ${base.name}\n\ntarget_metadata = ${base.name}.metadata`
    : `# No SQLAlchemy declarative base was found in the project. Import yours and set\n# target_metadata = Base.metadata for --autogenerate to compare it with the database.\ntarget_metadata = None`;
  return `"""Alembic environment, added by OpenPypi: the URL comes from $${databaseUrlVariable}."""

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name)

url = os.environ.get("${databaseUrlVariable}") or config.get_main_option("sqlalchemy.url")
if not url:
    raise SystemExit(
        "No database URL: set ${databaseUrlVariable} (OpenPypi's Alembic commands do it for you)."
    )
config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))

${metadata}


def run_migrations_offline() -> None:
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
`;
}

const scriptTemplate = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
Create Date: \${create_date}

"""
from alembic import op
import sqlalchemy as sa
\${imports if imports else ""}

# revision identifiers, used by Alembic.
revision = \${repr(up_revision)}
down_revision = \${repr(down_revision)}
branch_labels = \${repr(branch_labels)}
depends_on = \${repr(depends_on)}


def upgrade() -> None:
    \${upgrades if upgrades else "pass"}


def downgrade() -> None:
    \${downgrades if downgrades else "pass"}
`;

/**
 * The files of a new Alembic setup: alembic.ini (no URL in it), migrations/env.py wired to the
 * project's declarative base and to $DATABASE_URL, the revision template and the versions folder.
 */
export function alembicScaffold(options: {
  readonly base: ModelsBase | undefined;
  readonly srcLayout: boolean;
  readonly scriptLocation?: string;
}): ScaffoldFile[] {
  const location = options.scriptLocation ?? 'migrations';
  return [
    { path: 'alembic.ini', content: alembicIni(location, options.srcLayout) },
    { path: `${location}/env.py`, content: envPy(options.base) },
    { path: `${location}/script.py.mako`, content: scriptTemplate },
    {
      path: `${location}/README`,
      content:
        'Alembic migrations. Run them from VS Code with the OpenPypi: Alembic commands, or\n' +
        `from a terminal with ${databaseUrlVariable} set: alembic upgrade head\n`,
    },
    { path: `${location}/versions/.gitkeep`, content: '' },
  ];
}
