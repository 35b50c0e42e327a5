import { parseConnectionUrl, type ParsedConnectionUrl } from './connectionUrl';

/** A connection URL found in a workspace file. */
export interface DiscoveredConnection extends ParsedConnectionUrl {
  /** The file it was found in, relative to the workspace folder. */
  readonly file: string;
  readonly line: number;
  /** What named it there: `sqlalchemy.url`, `DATABASE_URL`, or `SQLAlchemy URL`. */
  readonly source: string;
}

const urlPattern = /\b((?:postgres(?:ql)?|sqlite)(?:\+[a-z0-9_]+)?:\/\/[^\s'"`<>]*)/gi;

function unquote(value: string): string {
  const v = value.trim();
  return /^(['"]).*\1$/.test(v) ? v.slice(1, -1) : v;
}

function suggestName(file: string, parsed: ParsedConnectionUrl, index: number): string {
  const base =
    parsed.connection.kind === 'sqlite'
      ? (parsed.connection.file.split('/').pop() ?? 'sqlite').replace(/\.[^.]+$/, '')
      : parsed.connection.database;
  const from = file.split('/').pop() ?? file;
  return `${base} (${from}${index > 0 ? ` #${index + 1}` : ''})`;
}

/**
 * The database URLs in one workspace file: `sqlalchemy.url` in alembic.ini, `DATABASE_URL` in a
 * .env file, and any SQLAlchemy URL in a settings file (Python, TOML, INI, YAML, JSON).
 * Placeholders (`${VAR}`, `%(here)s`) are skipped: there is nothing to connect to yet.
 */
export function discoverConnectionUrls(file: string, text: string): DiscoveredConnection[] {
  const found: DiscoveredConnection[] = [];
  const seen = new Set<string>();
  const baseName = file.split('/').pop() ?? file;
  const isEnv = /^\.env(\..*)?$/.test(baseName) || baseName.endsWith('.env');
  const isIni = baseName.endsWith('.ini');
  text.split(/\r?\n/).forEach((line, index) => {
    const candidates: { url: string; source: string }[] = [];
    if (isEnv) {
      const match = /^\s*(?:export\s+)?([A-Z0-9_]*DATABASE_URL[A-Z0-9_]*)\s*=\s*(.*)$/i.exec(line);
      if (match?.[1] && match[2] !== undefined) {
        candidates.push({ url: unquote(match[2]), source: match[1] });
      }
    } else if (isIni && /^\s*sqlalchemy\.url\s*[=:]/.test(line)) {
      candidates.push({
        url: line.replace(/^\s*sqlalchemy\.url\s*[=:]\s*/, ''),
        source: 'sqlalchemy.url',
      });
    } else if (!/^\s*[#;]/.test(line)) {
      for (const match of line.matchAll(urlPattern)) {
        if (match[1]) candidates.push({ url: match[1], source: 'SQLAlchemy URL' });
      }
    }
    for (const { url, source } of candidates) {
      if (seen.has(url)) continue;
      const parsed = parseConnectionUrl(url, '');
      if (!parsed) continue;
      seen.add(url);
      const name = suggestName(file, parsed, found.length);
      found.push({
        ...parsed,
        connection: { ...parsed.connection, name },
        file,
        line: index + 1,
        source,
      });
    }
  });
  return found;
}

/** Which workspace files are searched (glob for findFiles). */
export const discoveryGlob =
  '{**/alembic.ini,**/.env,**/.env.*,**/*.env,**/settings.py,**/settings/*.py,**/config.py,**/*.toml,**/*.cfg,**/*.yaml,**/*.yml}';
