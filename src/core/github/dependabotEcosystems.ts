export type DependabotEcosystem = 'pip' | 'uv' | 'github-actions' | 'docker';

/** Relative paths of the workspace's files, '/'-separated (for example from findFiles). */
export function dependabotEcosystems(files: readonly string[]): DependabotEcosystem[] {
  const names = files.map((file) => file.replace(/\\/g, '/'));
  const base = (file: string): string => file.slice(file.lastIndexOf('/') + 1);
  const found = new Set<DependabotEcosystem>();
  const hasUv = names.some((file) => base(file) === 'uv.lock');
  if (hasUv) found.add('uv');
  if (
    !hasUv &&
    names.some((file) =>
      /^(requirements.*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile|Pipfile\.lock|poetry\.lock)$/.test(
        base(file),
      ),
    )
  ) {
    found.add('pip');
  }
  if (names.some((file) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file))) {
    found.add('github-actions');
  }
  if (names.some((file) => /^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$/i.test(base(file)))) {
    found.add('docker');
  }
  return (['pip', 'uv', 'github-actions', 'docker'] as const).filter((e) => found.has(e));
}
