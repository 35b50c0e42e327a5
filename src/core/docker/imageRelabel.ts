// Adding labels to an image without running anything from it. An image's labels cannot change,
// and a build `FROM image` would run the image's ONBUILD triggers. Instead the engine creates a
// container from the image (never started: nothing in it runs) and commits it with the image's
// own config plus the labels; the container is removed afterwards. This module is the pure part:
// what to create, what config to commit, and whether the engine kept the config.

/** An image's `Config` as the engine's inspect returns it (ContainerConfig in the API). */
export type ImageConfigJson = Readonly<Record<string, unknown>>;

/** A command for the container that is created and never started, when the image has none. */
export const NEVER_RUN_ENTRYPOINT: readonly string[] = ['/openpypi-quarantine-never-runs'];

export interface RelabelPlan {
  /**
   * Overrides for the container created (never started) to commit from:
   * - Entrypoint when the image has neither Cmd nor Entrypoint (the engine refuses to create a
   *   container without a command; the image's config below does not take it over);
   * - WorkingDir `/` when the image has one (the engine creates a missing working directory at
   *   create time, which would put a new layer into the committed image).
   */
  readonly create: { readonly Entrypoint?: readonly string[]; readonly WorkingDir?: string };
  /** The config to commit with: the image's own, with the labels added. */
  readonly config: Record<string, unknown>;
}

const isEmptyList = (value: unknown): boolean => !Array.isArray(value) || value.length === 0;

/** What to create and commit so that the new image is `original` with `labels` added. */
export function relabelPlan(
  original: ImageConfigJson,
  labels: Readonly<Record<string, string>>,
): RelabelPlan {
  const existing = (original.Labels ?? {}) as Readonly<Record<string, string>>;
  const config: Record<string, unknown> = { ...original, Labels: { ...existing, ...labels } };
  const noCommand = isEmptyList(original.Cmd) && isEmptyList(original.Entrypoint);
  if (noCommand) {
    // The engine fills an empty Entrypoint (null) of the committed config from the container's:
    // an empty list is kept, and means the same (no entrypoint).
    config.Entrypoint = [];
  }
  const workingDir = typeof original.WorkingDir === 'string' ? original.WorkingDir : '';
  return {
    create: {
      ...(noCommand ? { Entrypoint: NEVER_RUN_ENTRYPOINT } : {}),
      ...(workingDir === '' ? {} : { WorkingDir: '/' }),
    },
    config,
  };
}

/**
 * The names of the config fields where `committed` is not `original` with `labels` added (empty
 * when the engine kept everything). A missing field and null are the same; so are an empty
 * Entrypoint and none (the engine runs both alike; see relabelPlan).
 */
export function relabelDifferences(
  original: ImageConfigJson,
  labels: Readonly<Record<string, string>>,
  committed: ImageConfigJson,
): string[] {
  const expected = relabelPlan(original, labels).config;
  const keys = new Set([...Object.keys(expected), ...Object.keys(committed)]);
  return [...keys]
    .filter((key) => {
      const want = normalised(key, expected[key]);
      const got = normalised(key, committed[key]);
      return canonicalJson(want) !== canonicalJson(got);
    })
    .sort();
}

function normalised(key: string, value: unknown): unknown {
  if (value === undefined) return null;
  if (key === 'Entrypoint' && Array.isArray(value) && value.length === 0) return null;
  return value;
}

/** JSON with object keys sorted, so that key order does not make two equal values differ. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}
