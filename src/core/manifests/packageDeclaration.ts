/** The kinds of Python manifest OpenPypi can point into. */
export type ManifestKind =
  'requirements' | 'pyproject' | 'pipfile' | 'poetry-lock' | 'uv-lock' | 'pipfile-lock';

/** Where a manifest declares a package: the place a dependency finding is shown. */
export interface PackageDeclaration {
  /** PEP 503 normalised name. */
  name: string;
  /** The manifest, relative to the workspace root, with forward slashes. */
  file: string;
  kind: ManifestKind;
  /** 1-based line. */
  line: number;
  /** 1-based column of the first character of the declaration, in Unicode code points. */
  startColumn: number;
  /** 1-based column just past the declaration on that line, in Unicode code points. */
  endColumn: number;
  /** The declaration as written, e.g. `flask[async]==2.0.1; python_version > "3.8"`. */
  specifier: string;
  /** The pinned or locked version, when the declaration names exactly one. */
  version?: string;
}

/** Declarations found in one manifest, and the other manifests it pulls in (`-r other.txt`). */
export interface ManifestDeclarations {
  declarations: PackageDeclaration[];
  /** Included manifests, relative to the workspace root, with forward slashes. */
  includes: string[];
}
