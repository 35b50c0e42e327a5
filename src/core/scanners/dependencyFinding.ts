import type { Location, Result } from 'sarif';
import { normalizePackageName } from '../manifests/normalizePackageName';
import { fileLocation } from './artifactLocation';
import { plainText } from '../text/plainText';
import type { RunBuilder } from './runBuilder';
import type { ParseContext } from './scanner';
import { formatScore, levelForScore } from './severity';
import { vulnerabilityHelpUri } from './vulnerabilityHelpUri';

/** One known vulnerability in one installed package, as a dependency scanner reports it. */
export interface DependencyFinding {
  packageName: string;
  /** False for packages of other ecosystems (OS packages, npm): their names are kept as given. */
  isPython?: boolean;
  version?: string;
  vulnerabilityId: string;
  aliases: readonly string[];
  fixVersions: readonly string[];
  /** The advisory text, plain. */
  description?: string;
  title?: string;
  /** A CVSS-like score 0–10, when the tool gives one. */
  score?: number;
  level?: Result.level;
  helpUri?: string;
  /** CWE numbers, e.g. "79". */
  cwes?: readonly string[];
  /** The file the tool says it scanned for this package, relative or absolute. */
  reportedFile?: string;
  /** Extra result properties (tool-specific), merged under the openpypi ones. */
  properties?: Record<string, unknown>;
  /** A location the tool itself gave (Trivy's line numbers); the manifest finder is not used then. */
  location?: Location;
}

/**
 * Adds a dependency finding to a run: one rule per vulnerability id, the result placed on the
 * manifest line that declares the package (the reported or audited manifest first), and the
 * package, ids and fix versions in properties for the SARIF half to de-duplicate by alias.
 */
export function addDependencyFinding(
  builder: RunBuilder,
  context: ParseContext,
  finding: DependencyFinding,
): void {
  const name =
    finding.isPython === false
      ? plainText(finding.packageName, 300)
      : normalizePackageName(finding.packageName);
  const id = plainText(finding.vulnerabilityId, 200);
  const aliases = [...new Set(finding.aliases.map((a) => plainText(a, 200)))].filter(
    (a) => a !== id,
  );
  const fixVersions = finding.fixVersions.map((v) => v.trim()).filter((v) => v !== '');
  const description =
    finding.description === undefined ? undefined : plainText(finding.description);
  const title = finding.title === undefined ? undefined : plainText(finding.title, 500);
  const helpUri =
    finding.helpUri ?? vulnerabilityHelpUri(id) ?? aliases.map(vulnerabilityHelpUri).find(Boolean);

  const ruleIndex = builder.rule(id, () => ({
    shortDescription: { text: title ?? `${id}: a known vulnerability in ${name}` },
    fullDescription: { text: description ?? title ?? `${id} affects ${name}.` },
    help: {
      text: [
        `${id}${aliases.length > 0 ? ` (also ${aliases.join(', ')})` : ''} affects ${name}.`,
        description ?? '',
        helpUri === undefined ? '' : `More information: ${helpUri}`,
      ]
        .filter((line) => line !== '')
        .join('\n'),
    },
    ...(helpUri === undefined ? {} : { helpUri }),
    properties: {
      tags: [
        'security',
        'dependency',
        ...(finding.cwes ?? []).map((cwe) => `external/cwe/cwe-${cwe.replace(/\D/g, '')}`),
      ],
      ...(finding.score === undefined ? {} : { 'security-severity': formatScore(finding.score) }),
    },
  }));

  const versionText = finding.version === undefined ? '' : ` ${finding.version}`;
  const fixText =
    fixVersions.length > 0 ? `Fixed in ${fixVersions.join(', ')}.` : 'No fixed version is known.';
  const message = [
    `${name}${versionText} has a known vulnerability: ${id}${aliases.length > 0 ? ` (${aliases.join(', ')})` : ''}. ${fixText}`,
    title ?? description ?? '',
  ]
    .filter((line) => line !== '')
    .join('\n');

  const result: Omit<Result, 'ruleId' | 'ruleIndex'> = {
    level:
      finding.level ?? (finding.score === undefined ? 'warning' : levelForScore(finding.score)),
    message: { text: message },
    properties: {
      ...finding.properties,
      'openpypi/package': {
        name,
        ...(finding.version === undefined ? {} : { version: finding.version }),
      },
      'openpypi/vulnerabilityIds': [id, ...aliases],
      'openpypi/fixVersions': fixVersions,
    },
  };
  const location =
    finding.location ??
    (finding.isPython === false
      ? fileOnlyLocation(context, finding)
      : manifestLocation(context, name, finding));
  if (location !== undefined) {
    result.locations = [location];
  }
  builder.add(ruleIndex, result);
}

function manifestLocation(
  context: ParseContext,
  name: string,
  finding: DependencyFinding,
): Location | undefined {
  const preferred =
    relativeInside(context.root, finding.reportedFile) ?? context.auditedManifests?.[0];
  const declaration = context.locator?.locate(name, finding.version, preferred);
  if (declaration !== undefined) {
    const location = fileLocation(context.root, declaration.file, {
      startLine: declaration.line,
      startColumn: declaration.startColumn,
      endColumn: declaration.endColumn,
      snippet: { text: plainText(declaration.specifier, 2000) },
    });
    location.properties = { ...location.properties, 'openpypi/placement': 'manifest-line' };
    return location;
  }
  if (preferred !== undefined) {
    const location = fileLocation(context.root, preferred);
    location.properties = { ...location.properties, 'openpypi/placement': 'manifest-file' };
    return location;
  }
  return undefined;
}

/** A reported path as relative posix when it names a file (not a folder such as site-packages). */
function relativeInside(root: string, reported: string | undefined): string | undefined {
  if (reported === undefined || reported.trim() === '') {
    return undefined;
  }
  const location = fileLocation(root, reported);
  const uri = location.physicalLocation?.artifactLocation?.uri;
  if (location.properties?.['openpypi/external'] === true || uri === undefined) {
    return undefined;
  }
  return decodeURIComponent(uri);
}

/** A non-Python package has no declaration our manifest finder knows: point at the reported file. */
function fileOnlyLocation(context: ParseContext, finding: DependencyFinding): Location | undefined {
  const file = relativeInside(context.root, finding.reportedFile);
  return file === undefined ? undefined : fileLocation(context.root, file);
}
