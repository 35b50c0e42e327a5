import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT_BASE_IDS } from './sarifVocabulary';
import { isRecord, stringOf } from './untrustedJson';

/** Where a SARIF artifact URI points, seen from a workspace root. */
export type ResolvedUri =
  | { readonly kind: 'workspace'; readonly relativePath: string }
  | { readonly kind: 'external'; readonly uri: string; readonly valid: boolean };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;
const MAX_BASE_CHAIN = 16;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Resolves an artifact URI (with its `uriBaseId`, through the run's `originalUriBaseIds`, chains
 * included) against the workspace `root`. A path inside the root comes back as a POSIX path
 * relative to it; anything else (`../../etc/passwd`, `file:///etc/shadow`, UNC paths, other
 * schemes, text that is no URI) comes back as external and is never mapped into the workspace.
 *
 * A relative URI with no base, or with a base that names the scanned folder (`%SRCROOT%`,
 * `SRCROOT`, `ROOTPATH`), is relative to the workspace root, wherever the producing machine had
 * it, unless that base is the file-system root itself (Trivy's `ROOTPATH` = `file:///`).
 */
export function resolveArtifactUri(
  uri: string,
  uriBaseId: string | undefined,
  originalUriBaseIds: unknown,
  root: string,
): ResolvedUri {
  const unc = uncToFileUri(uri);
  if (unc !== undefined) {
    return { kind: 'external', uri: unc, valid: true };
  }
  if (WINDOWS_DRIVE.test(uri)) {
    return fromAbsoluteFileUri(windowsPathToFileUri(uri), root);
  }
  if (SCHEME.test(uri)) {
    return fromAbsoluteUri(uri, root);
  }
  const relative = decodeRelative(uri);
  if (relative === undefined) {
    return { kind: 'external', uri: invalidUriText(uri), valid: false };
  }
  if (relative.startsWith('/')) {
    return fromAbsolutePath(relative, root);
  }
  const base = resolveBase(uriBaseId, originalUriBaseIds, root);
  if (base.kind === 'external') {
    return joinExternal(base.uri, uri);
  }
  return fromAbsolutePath(path.resolve(base.directory, ...relative.split('/')), root);
}

/** Whether `absolutePath` lies strictly inside `root`; its relative POSIX path when it does. */
export function workspaceRelativePath(absolutePath: string, root: string): string | undefined {
  const relative = path.relative(path.resolve(root), path.resolve(absolutePath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return undefined;
  }
  return relative.split(path.sep).join('/');
}

/**
 * The percent-encoded relative URI for a workspace path, as written under `%SRCROOT%`. A lone
 * surrogate (no file on disk has one; a mangled log can) becomes U+FFFD: encodeURIComponent
 * throws on it.
 */
export function encodeRelativePath(relativePath: string): string {
  return relativePath
    .split('/')
    .map((segment) => encodeURIComponent(segment.replace(LONE_SURROGATE, '\uFFFD')))
    .join('/');
}

/** The `file:` URI of a directory, with the trailing slash SARIF requires of a base URI. */
export function directoryFileUri(directory: string): string {
  const href = pathToFileURL(path.resolve(directory)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

type Base = { kind: 'directory'; directory: string } | { kind: 'external'; uri: string };

function resolveBase(uriBaseId: string | undefined, bases: unknown, root: string): Base {
  let id = uriBaseId;
  const seen = new Set<string>();
  const segments: string[] = [];
  while (id !== undefined && seen.size < MAX_BASE_CHAIN && !seen.has(id)) {
    seen.add(id);
    const entry = isRecord(bases) ? bases[id] : undefined;
    const value = isRecord(entry) ? stringOf(entry.uri) : undefined;
    const parentId = isRecord(entry) ? stringOf(entry.uriBaseId) : undefined;
    if (value === undefined || (ROOT_BASE_IDS.includes(id) && !isFileSystemRoot(value))) {
      // An unknown base, or the scanned folder of the producing machine: the workspace root.
      return { kind: 'directory', directory: path.resolve(root, ...segments.reverse()) };
    }
    if (SCHEME.test(value) && !WINDOWS_DRIVE.test(value)) {
      const absolute = withSegments(value, segments);
      return absoluteBase(absolute, root);
    }
    if (value.startsWith('/')) {
      return absoluteBase(withSegments(`file://${value}`, segments), root);
    }
    segments.push(value);
    id = parentId;
  }
  return { kind: 'directory', directory: path.resolve(root, ...segments.reverse()) };
}

function withSegments(baseUri: string, relativeSegments: string[]): string {
  let current = baseUri.endsWith('/') ? baseUri : `${baseUri}/`;
  for (const segment of [...relativeSegments].reverse()) {
    try {
      current = new URL(segment.endsWith('/') ? segment : `${segment}/`, current).href;
    } catch {
      return current;
    }
  }
  return current;
}

function absoluteBase(baseUri: string, root: string): Base {
  try {
    const url = new URL(baseUri);
    if (url.protocol === 'file:' && (url.host === '' || url.host === 'localhost')) {
      const directory = fileURLToPath(url);
      return { kind: 'directory', directory };
    }
    return { kind: 'external', uri: url.href };
  } catch {
    return { kind: 'directory', directory: root };
  }
}

function isFileSystemRoot(value: string): boolean {
  return value === 'file:///' || value === '/' || value === 'file:/';
}

function joinExternal(baseUri: string, relative: string): ResolvedUri {
  try {
    return { kind: 'external', uri: new URL(relative, baseUri).href, valid: true };
  } catch {
    return { kind: 'external', uri: invalidUriText(relative), valid: false };
  }
}

function fromAbsoluteUri(uri: string, root: string): ResolvedUri {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { kind: 'external', uri: invalidUriText(uri), valid: false };
  }
  if (url.protocol !== 'file:') {
    return { kind: 'external', uri: url.href, valid: true };
  }
  return fromAbsoluteFileUri(url.href, root);
}

function fromAbsoluteFileUri(uri: string, root: string): ResolvedUri {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { kind: 'external', uri: invalidUriText(uri), valid: false };
  }
  if (url.host !== '' && url.host !== 'localhost') {
    return { kind: 'external', uri: url.href, valid: true };
  }
  let absolute: string;
  try {
    absolute = fileURLToPath(url);
  } catch {
    return { kind: 'external', uri: url.href, valid: true };
  }
  const relativePath = workspaceRelativePath(absolute, root);
  return relativePath === undefined
    ? { kind: 'external', uri: url.href, valid: true }
    : { kind: 'workspace', relativePath };
}

function fromAbsolutePath(absolute: string, root: string): ResolvedUri {
  const relativePath = workspaceRelativePath(absolute, root);
  if (relativePath !== undefined) {
    return { kind: 'workspace', relativePath };
  }
  return { kind: 'external', uri: pathToFileURL(absolute).href, valid: true };
}

function uncToFileUri(uri: string): string | undefined {
  if (!uri.startsWith('\\\\') && !uri.startsWith('//')) {
    return undefined;
  }
  const rest = uri.replace(/\\/g, '/').replace(/^\/+/, '');
  try {
    return new URL(`file://${rest}`).href;
  } catch {
    return invalidUriText(uri);
  }
}

function windowsPathToFileUri(windowsPath: string): string {
  return `file:///${safeUriText(windowsPath.replace(/\\/g, '/'))}`;
}

/** The decoded relative path, or undefined when it is not one (bad escapes, lone surrogates). */
function decodeRelative(uri: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(uri.replace(/\\/g, '/'));
  } catch {
    return undefined;
  }
  return decoded.replace(LONE_SURROGATE, '') === decoded ? decoded : undefined;
}

/**
 * Text that is not a valid URI, made into one relative reference (every reserved character
 * encoded, so it has no scheme, host or path to follow) that keeps the log valid.
 */
function invalidUriText(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}

/** A path-like text percent-encoded where needed, its existing escapes kept. */
function safeUriText(text: string): string {
  const wellFormed = text.replace(LONE_SURROGATE, '\uFFFD').replace(/%(?![0-9a-fA-F]{2})/g, '%25');
  return encodeURI(wellFormed).replace(/%25([0-9a-fA-F]{2})/g, '%$1');
}
