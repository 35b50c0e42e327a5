import { codePointColumn } from './codePointColumn';
import { normalizePackageName } from './normalizePackageName';
import type { ManifestKind, PackageDeclaration } from './packageDeclaration';

export interface DeclarationSpan {
  file: string;
  kind: ManifestKind;
  /** 0-based index of the line in the file. */
  lineIndex: number;
  lineText: string;
  /** UTF-16 index where the declaration starts on the line. */
  start: number;
  /** UTF-16 index just past the declaration on the line. */
  end: number;
  name: string;
  specifier: string;
  version?: string;
}

/** Builds a declaration from a span found on one line, with 1-based code-point columns. */
export function declarationAt(span: DeclarationSpan): PackageDeclaration {
  const declaration: PackageDeclaration = {
    name: normalizePackageName(span.name),
    file: span.file,
    kind: span.kind,
    line: span.lineIndex + 1,
    startColumn: codePointColumn(span.lineText, span.start),
    endColumn: codePointColumn(span.lineText, Math.max(span.end, span.start + 1)),
    specifier: span.specifier,
  };
  if (span.version !== undefined) {
    declaration.version = span.version;
  }
  return declaration;
}

/** The version a version specifier pins exactly (`==1.2.3`, `===1.2.3`), if it has one clause that does. */
export function pinnedVersion(versionSpec: string): string | undefined {
  const clauses = versionSpec
    .split(';')[0]
    ?.replace(/[()]/g, '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (clauses?.length !== 1) {
    return undefined;
  }
  const match = /^={2,3}\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)$/.exec(clauses[0] ?? '');
  return match?.[1];
}
