import { parseDocument, isSeq, YAMLSeq } from 'yaml';

export type TrivyFindingKind = 'vulnerabilities' | 'misconfigurations' | 'secrets';

/**
 * Adds an entry to Trivy's `.trivyignore.yaml` (the YAML ignore file Trivy reads with
 * `--ignorefile .trivyignore.yaml`), keeping the file's other entries and comments.
 */
export function addTrivyIgnore(
  existing: string,
  kind: TrivyFindingKind,
  id: string,
  statement: string,
  paths: readonly string[],
): string {
  const document = parseDocument(existing.trim() === '' ? '{}' : existing);
  if (document.errors.length > 0) {
    throw new Error(
      `.trivyignore.yaml is not valid YAML (${document.errors[0]?.message ?? ''}); fix it first.`,
    );
  }
  let list = document.get(kind);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    document.set(kind, list);
  }
  const seq = list as YAMLSeq;
  const already = seq.items.some((item) => {
    const json: unknown =
      typeof item === 'object' && item !== null && 'toJSON' in item
        ? (item as { toJSON(): unknown }).toJSON()
        : item;
    return typeof json === 'object' && json !== null && (json as { id?: unknown }).id === id;
  });
  if (!already) {
    const entry: Record<string, unknown> = { id };
    if (paths.length > 0) entry.paths = [...paths];
    if (statement.trim() !== '') entry.statement = statement.trim();
    seq.add(document.createNode(entry));
  }
  return document.toString();
}
