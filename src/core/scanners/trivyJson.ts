import type { Location, Region, Result, Run, Suppression } from 'sarif';
import { fileLocation, imageLocation } from './artifactLocation';
import { addDependencyFinding } from './dependencyFinding';
import type { JsonRecord } from './jsonValue';
import {
  asArray,
  asNumber,
  asPositiveInteger,
  asRecord,
  asString,
  asStringArray,
} from './jsonValue';
import { plainText } from '../text/plainText';
import { RunBuilder } from './runBuilder';
import { safeHttpUrl } from './safeHttpUrl';
import type { ParseContext } from './scanner';
import { ScannerOutputError } from './scannerOutputError';
import { formatScore, levelForScore, levelForWord, scoreForWord, severityWord } from './severity';

export const TRIVY_INFORMATION_URI = 'https://trivy.dev/';

/** Trivy's `Type` values for Python packages: only these names are PEP 503 names found in manifests. */
const PYTHON_TYPES = new Set([
  'pip',
  'pipenv',
  'poetry',
  'uv',
  'pylock',
  'python-pkg',
  'conda-pkg',
]);

/** Where the findings of one Trivy result (target) live. */
type TargetPlace =
  { kind: 'file'; file: string } | { kind: 'image'; reference: string; pathInImage?: string };

/**
 * Reads Trivy's JSON report: `SchemaVersion` 2 (an object with `Results`) and the older
 * top-level array (v0.19). Vulnerabilities, misconfigurations (with CauseMetadata line ranges)
 * and secrets become results; findings on a container image with no workspace file are kept as
 * results on the image. Findings suppressed by VEX or ignore files (`--show-suppressed`) are
 * kept with a SARIF suppression.
 */
export function parseTrivyJson(json: unknown, context: ParseContext): Run {
  const report = asRecord(json);
  const results = Array.isArray(json) ? json : report?.Results;
  if (!Array.isArray(results) && !(report !== undefined && 'SchemaVersion' in report)) {
    throw new ScannerOutputError(
      'Trivy',
      'expected a JSON report with "SchemaVersion" and "Results" (trivy --format json), a SARIF log, or the legacy array of results.',
    );
  }
  const trivyVersion = asString(asRecord(report?.Trivy)?.Version);
  const builder = new RunBuilder(
    {
      name: 'Trivy',
      version: context.toolVersion ?? (trivyVersion === 'dev' ? undefined : trivyVersion),
      informationUri: TRIVY_INFORMATION_URI,
    },
    context.root,
  );
  const artifactType = asString(report?.ArtifactType);
  const artifactName = asString(report?.ArtifactName);
  let licenses = 0;
  for (const item of asArray(results)) {
    const result = asRecord(item);
    const target = plainText(asString(result?.Target) ?? '', 1000);
    if (result === undefined || target === '') {
      builder.notify('warning', 'Trivy reported a result without a target; it was skipped.');
      continue;
    }
    const place = placeOf(result, target, artifactType, artifactName, Array.isArray(json));
    const packages = packageLocations(result);
    for (const entry of asArray(result.Vulnerabilities)) {
      addVulnerability(builder, context, result, place, packages, asRecord(entry));
    }
    for (const modified of asArray(result.ExperimentalModifiedFindings)) {
      const record = asRecord(modified);
      if (asString(record?.Type) === 'vulnerability') {
        addVulnerability(
          builder,
          context,
          result,
          place,
          packages,
          asRecord(record?.Finding),
          suppressionOf(record),
        );
      }
    }
    for (const entry of asArray(result.Misconfigurations)) {
      addMisconfiguration(builder, context, place, asRecord(entry));
    }
    for (const entry of asArray(result.Secrets)) {
      addSecret(builder, context, place, asRecord(entry));
    }
    licenses += asArray(result.Licenses).length;
  }
  if (licenses > 0) {
    builder.notify(
      'note',
      `Trivy reported ${licenses} license finding(s); OpenPypi reports security findings only.`,
    );
  }
  return builder.build();
}

function placeOf(
  result: JsonRecord,
  target: string,
  artifactType: string | undefined,
  artifactName: string | undefined,
  legacy: boolean,
): TargetPlace {
  const cls = asString(result.Class);
  const imageSuffix = / \([^()]+\)$/;
  const isImage =
    artifactType === 'container_image' ||
    artifactType === 'vm' ||
    (legacy && (cls === 'os-pkgs' || imageSuffix.test(target))) ||
    (cls === 'os-pkgs' && artifactType !== 'filesystem' && artifactType !== 'repository');
  if (!isImage) {
    return { kind: 'file', file: target };
  }
  const reference = artifactName ?? target.replace(imageSuffix, '');
  return { kind: 'image', reference, ...(cls === 'os-pkgs' ? {} : { pathInImage: target }) };
}

/** Lines of packages in a lockfile, keyed by Trivy's package UID and by name@version. */
function packageLocations(result: JsonRecord): Map<string, Region> {
  const out = new Map<string, Region>();
  for (const item of asArray(result.Packages)) {
    const pkg = asRecord(item);
    const location = asRecord(asArray(pkg?.Locations)[0]);
    const startLine = asPositiveInteger(location?.StartLine);
    if (pkg === undefined || startLine === undefined) {
      continue;
    }
    const endLine = asPositiveInteger(location?.EndLine);
    const region: Region = {
      startLine,
      ...(endLine !== undefined && endLine > startLine ? { endLine } : {}),
    };
    const uid = asString(asRecord(pkg.Identifier)?.UID);
    if (uid !== undefined) {
      out.set(`uid:${uid}`, region);
    }
    out.set(`${asString(pkg.Name) ?? ''}@${asString(pkg.Version) ?? ''}`, region);
  }
  return out;
}

function suppressionOf(record: JsonRecord | undefined): Suppression {
  const statement = asString(record?.Statement);
  const status = asString(record?.Status);
  const source = asString(record?.Source);
  return {
    kind: 'external',
    status: 'accepted',
    justification: plainText(
      [status, statement].filter(Boolean).join(': ') || 'suppressed by Trivy',
      1000,
    ),
    ...(source === undefined ? {} : { properties: { source: plainText(source, 1000) } }),
  };
}

function cvssScore(vuln: JsonRecord): number | undefined {
  const cvss = asRecord(vuln.CVSS);
  if (cvss === undefined) {
    return undefined;
  }
  const source = asString(vuln.SeveritySource);
  const preferred = [source, 'nvd', 'ghsa', 'redhat'].filter((s): s is string => s !== undefined);
  for (const key of [...preferred, ...Object.keys(cvss)]) {
    const score = asNumber(asRecord(cvss[key])?.V3Score) ?? asNumber(asRecord(cvss[key])?.V40Score);
    if (score !== undefined && score >= 0 && score <= 10) {
      return score;
    }
  }
  return undefined;
}

function locationFor(context: ParseContext, place: TargetPlace, region?: Region): Location {
  if (place.kind === 'image') {
    return imageLocation(place.reference, place.pathInImage);
  }
  return fileLocation(context.root, place.file, region);
}

function addVulnerability(
  builder: RunBuilder,
  context: ParseContext,
  result: JsonRecord,
  place: TargetPlace,
  packages: Map<string, Region>,
  vuln: JsonRecord | undefined,
  suppression?: Suppression,
): void {
  const id = asString(vuln?.VulnerabilityID);
  const name = asString(vuln?.PkgName);
  if (vuln === undefined || id === undefined || name === undefined) {
    builder.notify(
      'warning',
      'Trivy reported a vulnerability without an id or package; it was skipped.',
    );
    return;
  }
  const version = asString(vuln.InstalledVersion);
  const word = severityWord(vuln.Severity);
  const score = cvssScore(vuln) ?? (word === undefined ? undefined : scoreForWord(word));
  const uid = asString(asRecord(vuln.PkgIdentifier)?.UID);
  const region =
    (uid === undefined ? undefined : packages.get(`uid:${uid}`)) ??
    packages.get(`${name}@${version ?? ''}`);
  let location: Location | undefined;
  if (place.kind === 'image') {
    location = imageLocation(place.reference, asString(vuln.PkgPath) ?? place.pathInImage);
  } else if (region !== undefined) {
    location = fileLocation(context.root, place.file, region);
  }
  const before = builder.resultCount;
  addDependencyFinding(builder, context, {
    packageName: name,
    isPython: PYTHON_TYPES.has(asString(result.Type) ?? ''),
    version,
    vulnerabilityId: id,
    aliases: asStringArray(vuln.VendorIDs),
    fixVersions: (asString(vuln.FixedVersion) ?? '').split(','),
    title: asString(vuln.Title),
    description: asString(vuln.Description),
    score,
    level:
      word === undefined
        ? score === undefined
          ? 'warning'
          : levelForScore(score)
        : levelForWord(word),
    helpUri: safeHttpUrl(asString(vuln.PrimaryURL)),
    cwes: asStringArray(vuln.CweIDs),
    reportedFile: place.kind === 'file' ? place.file : undefined,
    location,
    properties: {
      'trivy/class': asString(result.Class),
      'trivy/type': asString(result.Type),
      'trivy/status': asString(vuln.Status),
      ...(asString(vuln.PkgPath) === undefined ? {} : { 'trivy/pkgPath': asString(vuln.PkgPath) }),
    },
  });
  if (suppression !== undefined && builder.resultCount > before) {
    builder.lastResult().suppressions = [suppression];
  }
}

function causeRegion(startValue: unknown, endValue: unknown, lines: unknown): Region | undefined {
  const startLine = asPositiveInteger(startValue);
  if (startLine === undefined) {
    return undefined;
  }
  const endLine = asPositiveInteger(endValue);
  const region: Region = { startLine };
  if (endLine !== undefined && endLine > startLine) {
    region.endLine = endLine;
  }
  const cause = asArray(asRecord(lines)?.Lines)
    .map(asRecord)
    .find((l) => l?.IsCause === true && asPositiveInteger(l.Number) === startLine);
  const content = asString(cause?.Content);
  if (content !== undefined && content.trim() !== '') {
    region.snippet = { text: plainText(content, 2000) };
  }
  return region;
}

function addMisconfiguration(
  builder: RunBuilder,
  context: ParseContext,
  place: TargetPlace,
  misconf: JsonRecord | undefined,
): void {
  const status = asString(misconf?.Status);
  if (misconf === undefined || (status !== undefined && status !== 'FAIL')) {
    return;
  }
  const id = asString(misconf.ID) ?? asString(misconf.AVDID);
  if (id === undefined) {
    builder.notify('warning', 'Trivy reported a misconfiguration without an id; it was skipped.');
    return;
  }
  const word = severityWord(misconf.Severity);
  const title = plainText(asString(misconf.Title) ?? id, 500);
  const description = plainText(asString(misconf.Description) ?? title);
  const resolution = asString(misconf.Resolution);
  const helpUri = safeHttpUrl(asString(misconf.PrimaryURL));
  const ruleIndex = builder.rule(id, () => ({
    name: title,
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: {
      text: [
        description,
        resolution === undefined ? '' : `Resolution: ${plainText(resolution, 2000)}`,
        helpUri === undefined ? '' : `More information: ${helpUri}`,
      ]
        .filter((l) => l !== '')
        .join('\n'),
    },
    ...(helpUri === undefined ? {} : { helpUri }),
    properties: {
      tags: ['security', 'misconfiguration'],
      ...(word === undefined ? {} : { 'security-severity': formatScore(scoreForWord(word)) }),
    },
  }));
  const cause = asRecord(misconf.CauseMetadata);
  const region = causeRegion(cause?.StartLine, cause?.EndLine, cause?.Code);
  const message = plainText(asString(misconf.Message) ?? title, 5000);
  const avdId = asString(misconf.AVDID);
  builder.add(ruleIndex, {
    level: levelForWord(word),
    message: {
      text:
        resolution === undefined
          ? message
          : `${message}\nResolution: ${plainText(resolution, 2000)}`,
    },
    locations: [locationFor(context, place, region)],
    properties: {
      'trivy/type': asString(misconf.Type),
      ...(avdId === undefined || avdId === id ? {} : { 'trivy/avdId': avdId }),
    },
  });
}

function addSecret(
  builder: RunBuilder,
  context: ParseContext,
  place: TargetPlace,
  secret: JsonRecord | undefined,
): void {
  const id = asString(secret?.RuleID);
  if (secret === undefined || id === undefined) {
    builder.notify('warning', 'Trivy reported a secret without a rule id; it was skipped.');
    return;
  }
  const word = severityWord(secret.Severity);
  const title = plainText(asString(secret.Title) ?? id, 500);
  const category = asString(secret.Category);
  const ruleIndex = builder.rule(id, () => ({
    name: title,
    shortDescription: { text: title },
    fullDescription: {
      text: `A secret that looks like: ${title}${category === undefined ? '' : ` (${plainText(category, 200)})`}.`,
    },
    help: {
      text: 'Remove the secret from the file, rotate it, and load it from the environment or a secret store instead.',
    },
    properties: {
      tags: ['security', 'secret', 'external/cwe/cwe-798'],
      ...(word === undefined ? {} : { 'security-severity': formatScore(scoreForWord(word)) }),
    },
  }));
  // The matched text is never copied into the log: Trivy masks it, but a log travels further than a terminal.
  const region = causeRegion(secret.StartLine, secret.EndLine, undefined);
  const result: Omit<Result, 'ruleId' | 'ruleIndex'> = {
    level: levelForWord(word),
    message: { text: `Possible secret: ${title}. Remove it from the file and rotate it.` },
    locations: [locationFor(context, place, region)],
  };
  builder.add(ruleIndex, result);
}
