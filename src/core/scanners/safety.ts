import type { Run } from 'sarif';
import { pinnedVersion } from '../manifests/declarationAt';
import { manifestKind } from '../manifests/manifestKind';
import { requirementName, requirementVersionSpec } from '../manifests/requirementName';
import type { DependencyFinding } from './dependencyFinding';
import { addDependencyFinding } from './dependencyFinding';
import type { JsonRecord } from './jsonValue';
import {
  asArray,
  asNumber,
  asRecord,
  asString,
  asStringArray,
  asText,
  parseToolJson,
} from './jsonValue';
import { RunBuilder } from './runBuilder';
import { safeHttpUrl } from './safeHttpUrl';
import type { ParseContext, Scanner, ScanTarget } from './scanner';
import { ScannerOutputError } from './scannerOutputError';
import { scoreForWord, severityWord } from './severity';

function majorVersion(version: string | undefined): number | undefined {
  const major = Number(/^(\d+)/.exec(version ?? '')?.[1]);
  return Number.isFinite(major) ? major : undefined;
}

function safetyArgs(
  target: ScanTarget,
  files: readonly string[] | undefined,
): string[] | undefined {
  if ((majorVersion(target.toolVersion) ?? 2) >= 3) {
    // Safety 3 finds the manifests itself; the API key, if any, comes from SAFETY_API_KEY in the environment.
    return files === undefined || files.some((f) => manifestKind(f) !== undefined)
      ? ['scan', '--output', 'json', '--target', '.']
      : undefined;
  }
  const requirements = (files ?? target.manifests).filter(
    (m) => manifestKind(m) === 'requirements',
  );
  return requirements.length === 0
    ? undefined
    : ['check', '--json', ...requirements.flatMap((file) => ['-r', file])];
}

export const safetyScanner: Scanner = {
  id: 'safety',
  displayName: 'Safety',
  informationUri: 'https://github.com/pyupio/safety',
  installHint: 'python -m pip install safety',
  executableName: 'safety',
  readsManifests: true,
  versionArgs: ['--version'],
  parseVersion: (output) =>
    /version\s+v?(\d+(?:\.\d+)+\S*)/i.exec(output)?.[1] ??
    /(\d+\.\d+(?:\.\d+)?\S*)/.exec(output)?.[1],
  // Safety exits 64 when it found vulnerabilities.
  exitCodeMeaning: (code) => (code === 0 ? 'ok' : code === 64 ? 'findings' : 'error'),
  argsForWorkspace: (target) => safetyArgs(target, undefined),
  argsForFiles: (target, files) => safetyArgs(target, files),
  parse: parseSafetyJson,
};

/**
 * Reads Safety's JSON: `safety check --json` 1.x (an array of arrays) and 2.x (an object with
 * `vulnerabilities`), and `safety scan --output json` 3.x (`scan_results.projects[].files[]`).
 * Results go on the manifest line that declares the package.
 */
export function parseSafetyJson(stdout: string, context: ParseContext): Run {
  const json = parseToolJson('Safety', stdout);
  const builder = new RunBuilder(
    { name: 'Safety', version: context.toolVersion, informationUri: safetyScanner.informationUri },
    context.root,
  );
  const findings: DependencyFinding[] = [];
  const record = asRecord(json);
  if (Array.isArray(json)) {
    findings.push(...checkV1Findings(json, builder));
  } else if (record !== undefined && Array.isArray(record.vulnerabilities)) {
    findings.push(...checkV2Findings(record, builder));
  } else if (record !== undefined && asRecord(record.scan_results) !== undefined) {
    findings.push(...scanV3Findings(asRecord(record.scan_results) ?? {}, builder));
  } else {
    throw new ScannerOutputError(
      'Safety',
      'expected `safety check --json` output (an array, or an object with "vulnerabilities") or `safety scan --output json` output (an object with "scan_results").',
    );
  }
  for (const finding of findings) {
    addDependencyFinding(builder, context, finding);
  }
  return builder.build();
}

function safetyHelpUri(given: string | undefined): string | undefined {
  return safeHttpUrl(given);
}

function checkV1Findings(rows: unknown[], builder: RunBuilder): DependencyFinding[] {
  const out: DependencyFinding[] = [];
  for (const row of rows) {
    const [name, spec, version, advisory, id, cve] = Array.isArray(row) ? (row as unknown[]) : [];
    const packageName = asString(name);
    const vulnerabilityId = asText(id);
    if (packageName === undefined || vulnerabilityId === undefined) {
      builder.notify(
        'warning',
        'Safety listed a vulnerability without a package or id; it was skipped.',
      );
      continue;
    }
    const cveId = asString(cve);
    out.push({
      packageName,
      version: asString(version),
      vulnerabilityId,
      aliases: cveId === undefined || cveId === '' ? [] : [cveId],
      fixVersions: [],
      description: asString(advisory),
      helpUri: undefined,
      properties: { 'safety/vulnerableSpec': asString(spec) },
    });
  }
  return out;
}

function cvssOf(value: unknown): { score?: number; word?: ReturnType<typeof severityWord> } {
  const cvss = asRecord(value);
  return { score: asNumber(cvss?.base_score), word: severityWord(cvss?.base_severity) };
}

function checkV2Findings(report: JsonRecord, builder: RunBuilder): DependencyFinding[] {
  const out: DependencyFinding[] = [];
  const affected = asRecord(report.affected_packages) ?? {};
  const scanned = asStringArray(asRecord(report.report_meta)?.scanned);
  for (const item of asArray(report.vulnerabilities)) {
    const vuln = asRecord(item);
    const packageName = asString(vuln?.package_name);
    const vulnerabilityId = asText(vuln?.vulnerability_id);
    if (vuln === undefined || packageName === undefined || vulnerabilityId === undefined) {
      builder.notify(
        'warning',
        'Safety listed a vulnerability without a package or id; it was skipped.',
      );
      continue;
    }
    const cve = vuln.CVE;
    const cveId = asString(cve) ?? asString(asRecord(cve)?.name);
    const severity = asRecord(vuln.severity) ?? asRecord(cve);
    const v3 = cvssOf(severity?.cvssv3);
    const v2 = cvssOf(severity?.cvssv2);
    const score =
      v3.score ?? (v3.word === undefined ? undefined : scoreForWord(v3.word)) ?? v2.score;
    const found = asString(asRecord(affected[packageName])?.found) ?? scanned[0];
    out.push({
      packageName,
      version: asString(vuln.analyzed_version),
      vulnerabilityId,
      aliases: cveId === undefined || cveId === '' ? [] : [cveId],
      fixVersions: asStringArray(vuln.fixed_versions),
      description: asString(vuln.advisory),
      score,
      helpUri: safetyHelpUri(asString(vuln.more_info_url)),
      reportedFile: found,
      properties: {
        'safety/vulnerableSpec':
          asString(vuln.vulnerable_spec) ?? asStringArray(vuln.vulnerable_spec).join(','),
      },
    });
  }
  const ignored = asArray(report.ignored_vulnerabilities).length;
  if (ignored > 0) {
    builder.notify(
      'note',
      `Safety's policy ignored ${ignored} vulnerabilit${ignored === 1 ? 'y' : 'ies'}; they are not reported.`,
    );
  }
  return out;
}

function scanV3Findings(results: JsonRecord, builder: RunBuilder): DependencyFinding[] {
  const out: DependencyFinding[] = [];
  const files = [
    ...asArray(results.files),
    ...asArray(results.projects).flatMap((p) => asArray(asRecord(p)?.files)),
  ];
  for (const fileItem of files) {
    const file = asRecord(fileItem);
    const location = asString(file?.location);
    for (const depItem of asArray(asRecord(file?.results)?.dependencies)) {
      const dependency = asRecord(depItem);
      const depName = asString(dependency?.name);
      for (const specItem of asArray(dependency?.specifications)) {
        const spec = asRecord(specItem);
        const raw = asString(spec?.raw) ?? '';
        const packageName = depName ?? requirementName(raw);
        if (packageName === undefined) {
          continue;
        }
        const vulnerabilities = asRecord(spec?.vulnerabilities);
        const remediation = asRecord(vulnerabilities?.remediation);
        const recommended = asString(remediation?.recommended);
        const fixVersions = [
          ...(recommended === undefined ? [] : [recommended]),
          ...asStringArray(remediation?.other_recommended),
        ];
        for (const vulnItem of asArray(vulnerabilities?.known_vulnerabilities)) {
          const vuln = asRecord(vulnItem);
          const vulnerabilityId = asText(vuln?.id);
          if (vuln === undefined || vulnerabilityId === undefined) {
            builder.notify(
              'warning',
              `Safety listed a vulnerability of ${packageName} without an id; it was skipped.`,
            );
            continue;
          }
          const cve = asRecord(vuln.cve);
          const cveId = asString(cve?.name) ?? asString(vuln.cve);
          const v3 = cvssOf(cve?.cvssv3);
          const v2 = cvssOf(cve?.cvssv2);
          out.push({
            packageName,
            version: pinnedVersion(requirementVersionSpec(raw)),
            vulnerabilityId,
            aliases: cveId === undefined || cveId === '' ? [] : [cveId],
            fixVersions,
            description: asString(cve?.advisory) ?? asString(vuln.advisory),
            score:
              v3.score ?? (v3.word === undefined ? undefined : scoreForWord(v3.word)) ?? v2.score,
            helpUri: undefined,
            reportedFile: location,
            properties: {
              'safety/vulnerableSpec': asString(vuln.vulnerable_spec),
              ...(vuln.ignored === null || vuln.ignored === undefined
                ? {}
                : { 'safety/ignored': true }),
            },
          });
        }
      }
    }
  }
  return out;
}
