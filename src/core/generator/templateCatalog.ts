import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors/userError';

/** A project template: a folder with template.json and files/. */
export interface ProjectTemplate {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Markdown for the README's Usage section (it may hold placeholders). */
  readonly usage: string;
  readonly dependencies: readonly string[];
  readonly devDependencies: readonly string[];
  readonly optionalDependencies: Readonly<Record<string, readonly string[]>>;
  /** Console script name → `module:function` (both may hold placeholders). */
  readonly scripts: Readonly<Record<string, string>>;
  /** The folder whose files/ the template adds. */
  readonly folder: string;
  /** Where it came from: the built-in templates or the user's folder. */
  readonly origin: 'built-in' | 'user';
}

const templateId = /^[a-z0-9][a-z0-9-]*$/;

function strings(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new UserError(`${where} must be a list of strings.`);
  }
  return value as string[];
}

function stringRecord(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${where} must be a table of strings.`);
  }
  for (const item of Object.values(value)) {
    if (typeof item !== 'string') throw new UserError(`${where} must be a table of strings.`);
  }
  return value as Record<string, string>;
}

async function readTemplate(
  folder: string,
  origin: ProjectTemplate['origin'],
): Promise<ProjectTemplate> {
  const id = path.basename(folder);
  const manifestPath = path.join(folder, 'template.json');
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (error) {
    throw new UserError(
      `The template ${manifestPath} cannot be read as JSON (${error instanceof Error ? error.message : String(error)}). Fix or remove it.`,
    );
  }
  if (typeof manifest !== 'object' || manifest === null) {
    throw new UserError(`${manifestPath} must hold a JSON object.`);
  }
  const record = manifest as Record<string, unknown>;
  const optional: Record<string, readonly string[]> = {};
  const rawOptional = record.optionalDependencies ?? {};
  if (typeof rawOptional !== 'object' || Array.isArray(rawOptional)) {
    throw new UserError(`${manifestPath}: optionalDependencies must be a table of lists.`);
  }
  for (const [group, items] of Object.entries(rawOptional)) {
    optional[group] = strings(items, `${manifestPath}: optionalDependencies.${group}`);
  }
  return {
    id,
    label: typeof record.label === 'string' ? record.label : id,
    description: typeof record.description === 'string' ? record.description : '',
    usage: typeof record.usage === 'string' ? record.usage : '',
    dependencies: strings(record.dependencies, `${manifestPath}: dependencies`),
    devDependencies: strings(record.devDependencies, `${manifestPath}: devDependencies`),
    optionalDependencies: optional,
    scripts: stringRecord(record.scripts, `${manifestPath}: scripts`),
    folder,
    origin,
  };
}

async function templatesIn(
  root: string,
  origin: ProjectTemplate['origin'],
): Promise<ProjectTemplate[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const found: ProjectTemplate[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || !templateId.test(entry.name)) continue;
    const folder = path.join(root, entry.name);
    if (!existsSync(path.join(folder, 'template.json'))) continue;
    found.push(await readTemplate(folder, origin));
  }
  return found;
}

/** The built-in order: the ones the issue names first, then any others alphabetically. */
const builtInOrder = ['library', 'cli', 'web-api', 'data-science', 'ml-toolkit'];

/**
 * The templates under `builtInRoot` (the extension's or CLI's templates/ folder) and, when
 * given, a user's folder; a user template with a built-in id replaces the built-in.
 */
export async function loadTemplates(
  builtInRoot: string,
  userFolder?: string,
): Promise<ProjectTemplate[]> {
  const builtIn = await templatesIn(builtInRoot, 'built-in');
  builtIn.sort(
    (a, b) =>
      (builtInOrder.indexOf(a.id) + 1 || 99) - (builtInOrder.indexOf(b.id) + 1 || 99) ||
      a.id.localeCompare(b.id),
  );
  if (userFolder === undefined || userFolder.trim() === '') return builtIn;
  if (!existsSync(userFolder)) {
    throw new UserError(
      `The templates folder "${userFolder}" does not exist. Fix the setting openpypi.generator.templatesFolder or clear it.`,
    );
  }
  const user = await templatesIn(userFolder, 'user');
  const replaced = new Set(user.map((template) => template.id));
  return [...builtIn.filter((template) => !replaced.has(template.id)), ...user];
}

export function findTemplate(templates: readonly ProjectTemplate[], id: string): ProjectTemplate {
  const template = templates.find((candidate) => candidate.id === id);
  if (template === undefined) {
    throw new UserError(
      `There is no template "${id}". Templates: ${templates.map((t) => t.id).join(', ')}.`,
    );
  }
  return template;
}
