import type { ArtifactLocation, Location, LogicalLocation, PhysicalLocation } from 'sarif';
import { normaliseRegion } from './normaliseRegion';
import { plainText } from '../text/plainText';
import { propertyBagOf } from './propertyBag';
import { encodeRelativePath, resolveArtifactUri, type ResolvedUri } from './resolveArtifactUri';
import { property, SOURCE_ROOT_BASE_ID } from './sarifVocabulary';
import {
  definedEntries,
  integerOf,
  isRecord,
  recordOf,
  stringOf,
  textOf,
  type JsonRecord,
} from './untrustedJson';

const SARIF_SCHEME = /^sarif:/i;

/** What a location needs from its run to be resolved. */
export interface LocationContext {
  readonly root: string;
  readonly originalUriBaseIds: unknown;
  readonly artifacts: readonly unknown[];
  /** Resolutions already made in this run (many results share a file). */
  readonly resolved?: ResolvedArtifacts;
}

/** A resolved artifact URI and the artifact location fields written for it. */
export interface ResolvedArtifact {
  readonly external: boolean;
  readonly uri: string;
  readonly uriBaseId: string | undefined;
}

/**
 * Resolved artifacts by base id ('' for none), then by URI: two lookups of strings the log
 * already holds, where one key made of both would be a new string to build and hash for each of
 * 100,000 results.
 */
export type ResolvedArtifacts = Map<string, Map<string, ResolvedArtifact>>;

/** A normalised location, and whether its file lies outside the workspace. */
export interface NormalisedLocation {
  readonly location: Location;
  readonly external: boolean;
}

/**
 * Rewrites a location from another tool so that it names its file the way OpenPypi writes
 * every file: relative to `%SRCROOT%` when inside the workspace, as an absolute URI marked
 * `openpypi/external` when not. Returns undefined when the location names nothing at all.
 */
export function normaliseLocation(
  raw: unknown,
  context: LocationContext,
): NormalisedLocation | undefined {
  const source = recordOf(raw);
  if (source === undefined) {
    return undefined;
  }
  const location: Location = {};
  let external = false;
  const id = integerOf(source.id, 0);
  if (id !== undefined) {
    location.id = id;
  }
  const physical = recordOf(source.physicalLocation);
  if (physical !== undefined) {
    const normalised = normalisePhysicalLocation(physical, context);
    if (normalised !== undefined) {
      location.physicalLocation = normalised.physicalLocation;
      external = normalised.external;
    }
  }
  const logical = definedEntries(source.logicalLocations, normaliseLogicalLocation);
  if (logical !== undefined) {
    location.logicalLocations = logical;
  }
  const message = isRecord(source.message) ? textOf(source.message.text) : undefined;
  if (message !== undefined) {
    location.message = { text: plainText(message) };
  }
  if (location.physicalLocation === undefined && location.logicalLocations === undefined) {
    return undefined;
  }
  const properties = propertyBagOf(
    source.properties,
    undefined,
    external ? { [property.external]: true } : undefined,
  );
  if (properties !== undefined) {
    location.properties = properties;
  }
  return { location, external };
}

/** The artifact location to write for a resolved URI. */
export function artifactLocationFor(resolved: ResolvedUri): ArtifactLocation {
  return resolved.kind === 'workspace'
    ? { uri: encodeRelativePath(resolved.relativePath), uriBaseId: SOURCE_ROOT_BASE_ID }
    : { uri: resolved.uri };
}

function normalisePhysicalLocation(
  physical: JsonRecord,
  context: LocationContext,
): { physicalLocation: PhysicalLocation; external: boolean } | undefined {
  const artifact = artifactOf(recordOf(physical.artifactLocation), context.artifacts);
  if (artifact === undefined || SARIF_SCHEME.test(artifact.uri)) {
    // A `sarif:` URI points into the source log, whose layout the merged log does not keep.
    return undefined;
  }
  let byUri = context.resolved?.get(artifact.uriBaseId ?? '');
  if (byUri === undefined) {
    byUri = new Map();
    context.resolved?.set(artifact.uriBaseId ?? '', byUri);
  }
  let resolved = byUri.get(artifact.uri);
  if (resolved === undefined) {
    const target = resolveArtifactUri(
      artifact.uri,
      artifact.uriBaseId,
      context.originalUriBaseIds,
      context.root,
    );
    const written = artifactLocationFor(target);
    resolved = {
      external: target.kind === 'external',
      uri: written.uri ?? '',
      uriBaseId: written.uriBaseId,
    };
    byUri.set(artifact.uri, resolved);
  }
  const artifactLocation: ArtifactLocation =
    resolved.uriBaseId === undefined
      ? { uri: resolved.uri }
      : { uri: resolved.uri, uriBaseId: resolved.uriBaseId };
  // A new base id alone is routine (SRCROOT, ROOTPATH... all become %SRCROOT%); a new URI is kept.
  if (artifactLocation.uri !== artifact.uri) {
    artifactLocation.properties = {
      [property.originalUri]:
        artifact.uriBaseId === undefined ? artifact.uri : `${artifact.uriBaseId}:${artifact.uri}`,
    };
  }
  const physicalLocation: PhysicalLocation = { artifactLocation };
  const { region, repaired } = normaliseRegion(physical.region);
  if (region !== undefined) {
    physicalLocation.region = region;
  }
  if (repaired) {
    physicalLocation.properties = { [property.originalRegion]: physical.region };
  }
  return { physicalLocation, external: resolved.external };
}

function artifactOf(
  artifactLocation: JsonRecord | undefined,
  artifacts: readonly unknown[],
): { uri: string; uriBaseId: string | undefined } | undefined {
  if (artifactLocation === undefined) {
    return undefined;
  }
  const uri = stringOf(artifactLocation.uri);
  if (uri !== undefined) {
    return { uri, uriBaseId: stringOf(artifactLocation.uriBaseId) };
  }
  const index = integerOf(artifactLocation.index, 0);
  const artifact = index === undefined ? undefined : recordOf(artifacts[index]);
  const location = recordOf(artifact?.location);
  const indexedUri = stringOf(location?.uri);
  return indexedUri === undefined
    ? undefined
    : { uri: indexedUri, uriBaseId: stringOf(location?.uriBaseId) };
}

function normaliseLogicalLocation(raw: unknown): LogicalLocation | undefined {
  const source = recordOf(raw);
  if (source === undefined) {
    return undefined;
  }
  const logical: LogicalLocation = {};
  for (const field of ['name', 'fullyQualifiedName', 'decoratedName', 'kind'] as const) {
    const value = textOf(source[field]);
    if (value !== undefined) {
      logical[field] = plainText(value);
    }
  }
  return Object.keys(logical).length > 0 ? logical : undefined;
}
