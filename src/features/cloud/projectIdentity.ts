import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'smol-toml';

/** The project's name and version from pyproject.toml ([project] or [tool.poetry]), else the folder's name. */
export async function projectIdentity(folder: string): Promise<{ name: string; version: string }> {
  try {
    const document = parse(await readFile(path.join(folder, 'pyproject.toml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const project = (document.project ??
      (document.tool as Record<string, unknown> | undefined)?.poetry) as
      Record<string, unknown> | undefined;
    const name = typeof project?.name === 'string' ? project.name : undefined;
    const version = typeof project?.version === 'string' ? project.version : undefined;
    if (name !== undefined) return { name, version: version ?? '0.1.0' };
  } catch {
    // No pyproject.toml, or one that does not parse: the folder's name will do.
  }
  return { name: path.basename(folder), version: '0.1.0' };
}
