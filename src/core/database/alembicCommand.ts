import { databaseUrlVariable } from './alembicScaffold';

/** The Alembic actions OpenPypi offers. */
export type AlembicAction = 'current' | 'history' | 'upgrade' | 'downgrade' | 'revision';

/** Actions that change the database, and so are recorded in the audit log. */
export const changingActions: ReadonlySet<AlembicAction> = new Set(['upgrade', 'downgrade']);

/** Alembic's arguments for an action (no URL, no password: those go through the environment). */
export function alembicArguments(action: AlembicAction, message?: string): string[] {
  switch (action) {
    case 'current':
      return ['current', '--verbose'];
    case 'history':
      return ['history', '--verbose', '--indicate-current'];
    case 'upgrade':
      return ['upgrade', 'head'];
    case 'downgrade':
      return ['downgrade', '-1'];
    case 'revision':
      return ['revision', '--autogenerate', '-m', message ?? 'new revision'];
  }
}

/**
 * A small Python launcher, passed with `-c`: it runs Alembic's own command line and sets the
 * URL from the environment into the config before any command runs, so a project's env.py
 * that reads `sqlalchemy.url` from alembic.ini gets it without the URL touching argv or a file.
 */
export const alembicLauncher = [
  'import os, sys',
  'from alembic.config import CommandLine, Config',
  'cli = CommandLine(prog="alembic")',
  'options = cli.parser.parse_args(sys.argv[1:])',
  'if not hasattr(options, "cmd"):',
  '    cli.parser.error("too few arguments")',
  'config = Config(file_=options.config, ini_section=options.name, cmd_opts=options)',
  'url = os.environ.get("OPENPYPI_DATABASE_URL")',
  'if url:',
  '    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))',
  'cli.run_cmd(config, options)',
].join('\n');

/** argv for the Python executable: the launcher, the ini file, then the action. */
export function alembicProcessArguments(
  iniFile: string,
  action: AlembicAction,
  message?: string,
): string[] {
  return ['-c', alembicLauncher, '-c', iniFile, ...alembicArguments(action, message)];
}

/** The child's environment: the URL under both names env.py files read, nothing in argv. */
export function alembicEnvironment(base: NodeJS.ProcessEnv, url: string): NodeJS.ProcessEnv {
  return {
    ...base,
    OPENPYPI_DATABASE_URL: url,
    [databaseUrlVariable]: url,
    PYTHONUNBUFFERED: '1',
    PYTHONIOENCODING: 'utf-8',
  };
}
