/** An image reference split into its parts: `[registry[:port]/]path[:tag][@digest]`. */
export interface ImageReference {
  /** Registry host (with port), when the first path component names one. */
  readonly registry?: string;
  /** Repository path without the registry (`library/python`, `team/app`). */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/**
 * Parses an image reference the way the engine does; undefined when it is not one (so the
 * caller can say "… is not an image name"). A registry host is told apart from a path component
 * by a dot, a port or `localhost`.
 */
export function parseImageReference(text: string): ImageReference | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 4096) return undefined;
  let rest = trimmed;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  const slash = rest.indexOf('/');
  let registry: string | undefined;
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  if (rest === '' || !rest.split('/').every((part) => PATH_COMPONENT.test(part))) return undefined;
  return {
    ...(registry === undefined ? {} : { registry }),
    path: rest,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** `registry/path` (the repository a tag belongs to). */
export function repositoryOf(reference: ImageReference): string {
  return reference.registry === undefined
    ? reference.path
    : `${reference.registry}/${reference.path}`;
}

/**
 * Where a quarantined image's tag goes: `quarantine/<registry-as-path>/<path>:<tag>` (a local
 * repository that no registry resolves, so a pull or push by the old name cannot reach it).
 * A digest-only reference keeps a short form of its digest as the tag.
 */
export function quarantineTag(reference: ImageReference): { repository: string; tag: string } {
  const registry =
    reference.registry === undefined
      ? ''
      : `${reference.registry.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`;
  const tag =
    reference.tag ??
    (reference.digest === undefined
      ? 'latest'
      : reference.digest.replace(/^[^:]+:/, '').slice(0, 12));
  return { repository: `quarantine/${registry}${reference.path}`, tag };
}

export function formatReference(reference: ImageReference): string {
  return `${repositoryOf(reference)}${reference.tag === undefined ? '' : `:${reference.tag}`}${reference.digest === undefined ? '' : `@${reference.digest}`}`;
}
