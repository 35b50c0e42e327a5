/** PEP 503 normalisation: `Flask_SQLAlchemy` and `flask.sqlalchemy` both become `flask-sqlalchemy`. */
export function normalizePackageName(name: string): string {
  return name
    .trim()
    .replace(/[-_.]+/g, '-')
    .toLowerCase();
}
