import { lockFileToml } from './lockFileToml';
import { manifestKind } from './manifestKind';
import type { ManifestDeclarations } from './packageDeclaration';
import { readPipfile } from './pipfile';
import { readPipfileLock } from './pipfileLock';
import { readPyprojectToml } from './pyprojectToml';
import { readRequirementsFile } from './requirementsFile';

/**
 * Reads the declarations of any supported manifest, chosen by file name. A file whose name is
 * not a known manifest is read as a requirements file (pip accepts any name after `-r`).
 *
 * @throws ManifestParseError when the file is not valid TOML/JSON for its kind
 */
export function readManifest(file: string, text: string): ManifestDeclarations {
  switch (manifestKind(file)) {
    case 'pyproject':
      return readPyprojectToml(file, text);
    case 'pipfile':
      return readPipfile(file, text);
    case 'pipfile-lock':
      return readPipfileLock(file, text);
    case 'poetry-lock':
      return lockFileToml(file, text, 'poetry-lock');
    case 'uv-lock':
      return lockFileToml(file, text, 'uv-lock');
    case 'requirements':
    case undefined:
      return readRequirementsFile(file, text);
  }
}
