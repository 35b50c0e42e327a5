/** Where a project's declarative base lives: `from <module> import <name>` gives its metadata. */
export interface ModelsBase {
  readonly module: string;
  readonly name: string;
  /** The file it was found in, relative to the project folder. */
  readonly file: string;
}

const classBase = /^class\s+([A-Za-z_]\w*)\s*\(\s*(?:[\w.]*\.)?DeclarativeBase\b/m;
const functionBase = /^([A-Za-z_]\w*)\s*(?::[^=]*)?=\s*(?:[\w.]*\.)?declarative_base\s*\(/m;

/** `src/app/models.py` → `app.models` (a src layout's `src/` is on sys.path through prepend_sys_path). */
export function moduleOfFile(file: string): string | undefined {
  if (!file.endsWith('.py')) return undefined;
  const parts = file.replace(/\\/g, '/').replace(/\.py$/, '').split('/');
  if (parts[0] === 'src' && parts.length > 1) parts.shift();
  if (parts[parts.length - 1] === '__init__') parts.pop();
  if (parts.length === 0 || parts.some((p) => !/^[A-Za-z_]\w*$/.test(p))) return undefined;
  return parts.join('.');
}

/**
 * The project's SQLAlchemy declarative base: a `class Base(DeclarativeBase)` (2.0) or a
 * `Base = declarative_base()` (1.x). Files named models first, then the shortest path; tests,
 * migrations and virtual environments are ignored.
 */
export function findModelsBase(
  files: readonly { readonly file: string; readonly text: string }[],
): ModelsBase | undefined {
  const candidates = files
    .filter(
      ({ file }) =>
        !/(^|\/)(tests?|migrations|alembic|\.venv|venv|site-packages|node_modules)\//.test(file),
    )
    .sort((a, b) => {
      const score = (f: string): number => (/models?(\/__init__)?\.py$/.test(f) ? 0 : 1);
      return (
        score(a.file) - score(b.file) ||
        a.file.length - b.file.length ||
        a.file.localeCompare(b.file)
      );
    });
  for (const { file, text } of candidates) {
    const name = classBase.exec(text)?.[1] ?? functionBase.exec(text)?.[1];
    const module = moduleOfFile(file);
    if (name && module) return { module, name, file };
  }
  return undefined;
}
