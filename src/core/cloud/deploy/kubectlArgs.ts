/**
 * kubectl's argument arrays. The context and namespace are always explicit, so what runs is
 * what the confirmation named, whatever the kubeconfig's current context becomes meanwhile.
 */
export function kubectlApplyArgs(request: {
  readonly context: string;
  readonly namespace: string;
  readonly files: readonly string[];
  readonly dryRun?: boolean;
}): string[] {
  const args = ['apply', '--context', request.context, '--namespace', request.namespace];
  if (request.dryRun === true) args.push('--dry-run=client', '--output', 'name');
  for (const file of request.files) args.push('--filename', file);
  return args;
}

/** The namespace the manifests name (metadata.namespace), when they agree on one. */
export function manifestNamespace(objects: readonly unknown[]): string | undefined {
  const namespaces = new Set<string>();
  for (const object of objects) {
    const metadata = (object as { metadata?: { namespace?: unknown } } | null)?.metadata;
    if (typeof metadata?.namespace === 'string' && metadata.namespace !== '') {
      namespaces.add(metadata.namespace);
    }
  }
  return namespaces.size === 1 ? [...namespaces][0] : undefined;
}
