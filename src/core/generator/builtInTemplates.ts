import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The built-in templates folder seen from a bundle in dist/ (the extension, the CLI) or from a
 * source file under src/ (tests through tsx): the first `templates/` above `from` that has
 * `_common/`.
 */
export function builtInTemplatesFolder(from: string): string {
  let folder = from;
  for (let depth = 0; depth < 4; depth += 1) {
    const candidate = path.join(folder, 'templates');
    if (existsSync(path.join(candidate, '_common'))) return candidate;
    folder = path.dirname(folder);
  }
  throw new Error(`The project templates folder was not found above ${from}.`);
}
