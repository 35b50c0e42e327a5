import { isMap, parseDocument, YAMLMap } from 'yaml';

/**
 * Adds a vulnerability to Safety's policy file (`.safety-policy.yml`,
 * `security.ignore-vulnerabilities`), which `safety check` and `safety scan` read, keeping the
 * rest of the file.
 */
export function addSafetyIgnore(existing: string, id: string, reason: string): string {
  const document = parseDocument(existing.trim() === '' ? '{}' : existing);
  if (document.errors.length > 0) {
    throw new Error(
      `.safety-policy.yml is not valid YAML (${document.errors[0]?.message ?? ''}); fix it first.`,
    );
  }
  let security = document.get('security');
  if (!isMap(security)) {
    security = new YAMLMap();
    document.set('security', security);
  }
  const securityMap = security as YAMLMap;
  let ignored = securityMap.get('ignore-vulnerabilities');
  if (!isMap(ignored)) {
    ignored = new YAMLMap();
    securityMap.set('ignore-vulnerabilities', ignored);
  }
  const ignoredMap = ignored as YAMLMap;
  if (!ignoredMap.has(id)) {
    ignoredMap.set(
      id,
      document.createNode({
        reason: reason.trim() === '' ? 'Suppressed in OpenPypi' : reason.trim(),
      }),
    );
  }
  return document.toString();
}
