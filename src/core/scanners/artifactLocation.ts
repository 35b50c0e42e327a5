import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Location, Region } from 'sarif';

export const SRCROOT = '%SRCROOT%';
/** The uriBaseId of container images: their references are not files of the workspace. */
export const IMAGE_BASE_ID = 'OPENPYPI_IMAGE';

/** A root folder as the `file:` URI SARIF wants in originalUriBaseIds: absolute, ending with `/`. */
export function rootUri(root: string): string {
  const href = pathToFileURL(path.resolve(root)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function encodeSegments(relative: string): string {
  return relative
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * Where a file reported by a tool lives, as a SARIF artifact location: a relative URI under
 * %SRCROOT% when it is inside the workspace, or an absolute `file:` URI marked as external
 * when it is outside. Tools print paths as given on their command line (`./app/x.py`), as
 * absolute paths, or with Windows separators; all become the same relative posix form.
 */
export function fileArtifactLocation(
  root: string,
  reported: string,
): { artifactLocation: ArtifactLocation; external: boolean } {
  const unified = reported.replace(/\\/g, '/');
  const isAbsolute = path.posix.isAbsolute(unified) || /^[A-Za-z]:\//.test(unified);
  const absolute = isAbsolute ? path.resolve(reported) : path.resolve(root, unified);
  const relative = path.relative(path.resolve(root), absolute).split(path.sep).join('/');
  if (
    relative === '' ||
    relative.startsWith('../') ||
    relative === '..' ||
    path.isAbsolute(relative)
  ) {
    return {
      artifactLocation: { uri: pathToFileURL(absolute).href },
      external: true,
    };
  }
  return {
    artifactLocation: { uri: encodeSegments(relative), uriBaseId: SRCROOT },
    external: false,
  };
}

/** A location in a workspace (or external) file, with an optional region. */
export function fileLocation(root: string, reported: string, region?: Region): Location {
  const { artifactLocation, external } = fileArtifactLocation(root, reported);
  const location: Location = { physicalLocation: { artifactLocation } };
  if (region !== undefined && location.physicalLocation !== undefined) {
    location.physicalLocation.region = region;
  }
  if (external) {
    location.properties = { 'openpypi/external': true };
  }
  return location;
}

/**
 * A location on a container image, for findings that have no file in the workspace. The
 * reference is percent-encoded into a relative URI under its own uriBaseId (which has no
 * `uri`, so nothing resolves it to a workspace file), and marked in properties.
 */
export function imageLocation(imageReference: string, pathInImage?: string): Location {
  const location: Location = {
    physicalLocation: {
      artifactLocation: { uri: encodeURIComponent(imageReference), uriBaseId: IMAGE_BASE_ID },
    },
    properties: { 'openpypi/artifactKind': 'container-image', 'openpypi/image': imageReference },
  };
  if (pathInImage !== undefined && pathInImage !== '' && location.properties !== undefined) {
    location.properties['openpypi/pathInImage'] = pathInImage;
  }
  return location;
}
