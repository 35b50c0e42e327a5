import type { Region, Result, Run } from 'sarif';
import { normaliseRegion } from './normaliseRegion';
import { resolveArtifactUri } from './resolveArtifactUri';
import { integerOf, recordOf, stringOf } from './untrustedJson';

/** Where a result points, seen from a workspace: a file in it, or something outside. */
export type ResultLocation =
  | {
      readonly kind: 'workspace';
      readonly relativePath: string;
      readonly region: Region | undefined;
    }
  | { readonly kind: 'external'; readonly uri: string };

/**
 * Resolves the primary location of `result` against the workspace `root`, through the run's
 * `originalUriBaseIds` and `artifacts`. A file outside the workspace is external and is never
 * mapped into it. Returns undefined when the result has no file location.
 */
export function resolveResultLocation(
  run: Run,
  result: Result,
  root: string,
): ResultLocation | undefined {
  const physical = result.locations?.[0]?.physicalLocation;
  let artifact = recordOf(physical?.artifactLocation);
  let uri = stringOf(artifact?.uri);
  if (uri === undefined) {
    const index = integerOf(artifact?.index, 0);
    artifact = index === undefined ? undefined : recordOf(run.artifacts?.[index]?.location);
    uri = stringOf(artifact?.uri);
  }
  if (uri === undefined) {
    return undefined;
  }
  const resolved = resolveArtifactUri(
    uri,
    stringOf(artifact?.uriBaseId),
    run.originalUriBaseIds,
    root,
  );
  if (resolved.kind === 'external') {
    return { kind: 'external', uri: resolved.uri };
  }
  return {
    kind: 'workspace',
    relativePath: resolved.relativePath,
    region: normaliseRegion(physical?.region).region,
  };
}
