import { importNameFor, normalizeDistributionName } from './projectName';
import { buildBackends, projectOptions, type ProjectSpec } from './projectSpec';
import { renderTemplate, type TemplateContext, type TemplateValue } from './renderTemplate';
import type { ProjectTemplate } from './templateCatalog';

/** Text inside a TOML basic string ("…"). */
function tomlString(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n\t]+/g, ' ');
}

/** Text inside a Python docstring ("""…"""), on one line. */
function pythonDocstring(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n\t]+/g, ' ');
}

/** A YAML plain or double-quoted scalar for a free text. */
function yamlScalar(text: string): string {
  return JSON.stringify(text.replace(/[\r\n\t]+/g, ' '));
}

/** The extra runtime dependencies each option brings. */
const optionDependencies: Partial<Record<string, readonly string[]>> = {
  database: ['sqlalchemy>=1.4', 'alembic>=1.8'],
};

/**
 * Every placeholder the templates can use, from the spec and the chosen template. The
 * template's own strings (usage, scripts) may hold placeholders; they are rendered first.
 */
export function projectContext(
  spec: ProjectSpec,
  template: ProjectTemplate,
  year: number,
): TemplateContext {
  const importName = importNameFor(spec.name);
  const versions = spec.pythonVersions;
  const min = versions[0] ?? '3.10';
  const max = versions[versions.length - 1] ?? min;
  const base: Record<string, TemplateValue> = {
    name: spec.name,
    normalized_name: normalizeDistributionName(spec.name),
    import_name: importName,
    description: spec.description,
    description_toml: tomlString(spec.description),
    description_python: pythonDocstring(spec.description),
    description_yaml: yamlScalar(spec.description),
    author: spec.author,
    author_toml: tomlString(spec.author),
    email: spec.email,
    email_toml: tomlString(spec.email),
    has_author: spec.author.trim() !== '',
    has_email: spec.author.trim() !== '' && spec.email.trim() !== '',
    license: spec.license,
    license_badge: spec.license.replace(/-/g, '--'),
    year,
    python_min: min,
    python_max: max,
    python_versions: versions,
    python_matrix: versions.map((version) => `"${version}"`).join(', '),
    python_badge: versions.length > 1 ? `${min}--${max}` : min,
    ruff_target: `py${min.replace('.', '')}`,
    template: template.id,
    backend: spec.backend,
  };
  for (const backend of buildBackends) {
    base[`backend_${backend}`] = spec.backend === backend;
  }
  for (const option of projectOptions) {
    base[`option_${option}`] = spec.options.includes(option);
  }
  const own = (text: string, where: string): string =>
    renderTemplate(text, base, `${template.folder}/template.json ${where}`);
  const dependencies = [
    ...template.dependencies,
    ...spec.options.flatMap((option) => optionDependencies[option] ?? []),
  ];
  const scripts = Object.entries(template.scripts).map(([name, target]) => ({
    name: own(name, 'scripts'),
    target: own(target, 'scripts'),
  }));
  return {
    ...base,
    usage: own(template.usage, 'usage'),
    dependencies,
    dev_dependencies: template.devDependencies,
    mypy_dependencies: dependencies,
    optional_dependencies: Object.entries(template.optionalDependencies).map(([group, items]) => ({
      group,
      items,
    })),
    scripts,
    has_scripts: scripts.length > 0,
  };
}
