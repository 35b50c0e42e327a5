// Shared by the generator's unit tests: the built-in templates folder, a spec with every
// option on, and a throw-away parent folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectOptions, type ProjectSpec } from '../../../src/core/generator/projectSpec';

export const templatesRoot = path.resolve(__dirname, '../../../templates');

/** Every option: the spec of the "every option on" tests. */
export const allOptions = projectOptions;

export function specFor(overrides: Partial<ProjectSpec> = {}): ProjectSpec {
  return {
    template: 'library',
    name: 'demo-project',
    description: 'A "demo" project: quotes \\ and all',
    author: 'Ada Lovelace',
    email: 'ada@example.com',
    license: 'MIT',
    pythonVersions: ['3.10', '3.11', '3.12'],
    backend: 'hatchling',
    options: allOptions,
    ...overrides,
  };
}

export function temporaryParent(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `openpypi-${prefix}-`));
}
