// `npm audit --json` (report version 2, npm 7 and later) to SARIF 2.1.0 for GitHub code
// scanning: one rule per advisory, one result per vulnerable package and advisory, placed on the
// package's first entry in package-lock.json.
//
//   node scripts/npmAuditToSarif.mjs npm-audit.json npm-audit.sarif [--lockfile package-lock.json]
//     [--npm-version X.Y.Z]
//
// Anything that is not an audit report (npm's error object when the registry has no audit
// endpoint, the npm 6 format, truncated output) is an error naming what was found: a failed
// audit never turns into an empty, "clean" SARIF log.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** GitHub's security-severity scale, for advisories without a CVSS score. */
const severityScore = { critical: 9.5, high: 7.5, moderate: 5.5, low: 3.0, info: 1.0 };
/** @type {Record<string, 'error' | 'warning' | 'note'>} */
const severityLevel = {
  critical: 'error',
  high: 'error',
  moderate: 'warning',
  low: 'note',
  info: 'note',
};

/**
 * @typedef {{ source: number, name: string, dependency?: string, title: string, url: string,
 *   severity: string, cwe?: string[], cvss?: { score?: number, vectorString?: string | null },
 *   range?: string }} Advisory
 */

/**
 * @param {unknown} json parsed `npm audit --json` output
 * @param {string} source named in errors (the file)
 * @returns {Record<string, { name: string, severity: string, via: (string | Advisory)[],
 *   nodes?: string[], fixAvailable?: unknown, isDirect?: boolean }>}
 */
function vulnerabilitiesOf(json, source) {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`${source}: not a JSON object, so not an \`npm audit --json\` report`);
  }
  const report = /** @type {Record<string, unknown>} */ (json);
  if (report.auditReportVersion === 2 && typeof report.vulnerabilities === 'object') {
    return /** @type {never} */ (report.vulnerabilities);
  }
  if (report.error !== undefined || typeof report.message === 'string') {
    const message =
      typeof report.message === 'string'
        ? report.message
        : JSON.stringify(report.error).slice(0, 300);
    throw new Error(
      `${source}: npm audit did not produce a report but an error: ${message}. Check that the registry in use has an audit endpoint (the public npm registry has).`,
    );
  }
  if (report.advisories !== undefined) {
    throw new Error(
      `${source}: an npm 6 audit report (auditReportVersion 1); run npm audit with npm 7 or later`,
    );
  }
  throw new Error(
    `${source}: no "auditReportVersion": 2 and "vulnerabilities": not an npm audit report`,
  );
}

/**
 * The advisory's identifier: the GHSA id at the end of its URL, else npm's source number.
 * @param {Advisory} advisory
 */
function ruleId(advisory) {
  const ghsa = /\/(GHSA-[\w-]+)$/i.exec(advisory.url ?? '');
  return ghsa?.[1] ?? `npm-advisory-${String(advisory.source)}`;
}

/**
 * 1-based line of the first package-lock.json entry for a node path, else 1.
 * @param {string[]} lines
 * @param {string} node e.g. node_modules/yaml
 */
function lineOf(lines, node) {
  const needle = `"${node}": {`;
  const index = lines.findIndex((line) => line.trim() === needle);
  return index < 0 ? 1 : index + 1;
}

/**
 * @param {unknown} auditJson parsed `npm audit --json` output
 * @param {{ source?: string, lockfileText?: string, lockfileUri?: string, npmVersion?: string }}
 *   [options] lockfileText places each result on its package's line
 */
export function npmAuditToSarif(auditJson, options = {}) {
  const vulnerabilities = vulnerabilitiesOf(auditJson, options.source ?? 'npm audit output');
  const lockfileUri = options.lockfileUri ?? 'package-lock.json';
  const lines = options.lockfileText?.split(/\r?\n/) ?? [];
  /** @type {Map<string, object>} */
  const rules = new Map();
  /** @type {object[]} */
  const results = [];
  const packages = Object.values(vulnerabilities).sort((a, b) => a.name.localeCompare(b.name));
  for (const vulnerability of packages) {
    const advisories = /** @type {Advisory[]} */ (
      (vulnerability.via ?? []).filter((via) => typeof via === 'object' && via !== null)
    );
    for (const advisory of advisories) {
      const id = ruleId(advisory);
      const severity = String(advisory.severity ?? vulnerability.severity);
      const cvss = advisory.cvss?.score;
      if (!rules.has(id)) {
        rules.set(id, {
          id,
          shortDescription: { text: advisory.title },
          fullDescription: {
            text: `${advisory.title} (${advisory.name} ${advisory.range ?? ''})`.trim(),
          },
          helpUri: advisory.url,
          help: { text: `${advisory.title}. See ${advisory.url}` },
          defaultConfiguration: { level: severityLevel[severity] ?? 'warning' },
          properties: {
            tags: ['security', 'dependency', 'npm', ...(advisory.cwe ?? [])],
            'security-severity': String(
              typeof cvss === 'number' && cvss > 0
                ? cvss
                : (severityScore[/** @type {keyof typeof severityScore} */ (severity)] ?? 5.5),
            ),
            ...(advisory.cvss?.vectorString ? { cvssVector: advisory.cvss.vectorString } : {}),
          },
        });
      }
      // The shallowest install of the package (node_modules/x before node_modules/y/node_modules/x).
      const nodes = [...(vulnerability.nodes ?? [])].sort((a, b) => a.length - b.length);
      const node = nodes.find((candidate) => lineOf(lines, candidate) > 1) ?? nodes[0];
      const fix =
        vulnerability.fixAvailable === true
          ? '`npm audit fix` fixes it.'
          : typeof vulnerability.fixAvailable === 'object' && vulnerability.fixAvailable !== null
            ? `Fixed by updating ${/** @type {{ name: string, version: string }} */ (vulnerability.fixAvailable).name} to ${/** @type {{ name: string, version: string }} */ (vulnerability.fixAvailable).version}.`
            : 'No fix available yet.';
      results.push({
        ruleId: id,
        level: severityLevel[severity] ?? 'warning',
        message: {
          text: `${vulnerability.name} ${advisory.range ?? ''}: ${advisory.title} (${severity}${vulnerability.isDirect === true ? ', direct dependency' : ''}). ${fix}`.replace(
            /\s+:/,
            ':',
          ),
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: lockfileUri },
              region: { startLine: node === undefined ? 1 : lineOf(lines, node) },
            },
            logicalLocations: [{ name: vulnerability.name, kind: 'package' }],
          },
        ],
        partialFingerprints: { npmAuditPackageAdvisory: `${vulnerability.name}:${id}` },
        properties: { nodes: vulnerability.nodes ?? [] },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'npm audit',
            informationUri: 'https://docs.npmjs.com/cli/commands/npm-audit',
            ...(options.npmVersion ? { version: options.npmVersion } : {}),
            rules: [...rules.values()],
          },
        },
        results,
      },
    ],
  };
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
) {
  try {
    const args = process.argv.slice(2);
    /** @param {string} flag */
    const option = (flag) => {
      const at = args.indexOf(flag);
      if (at < 0) return undefined;
      const [value] = args.splice(at, 2).slice(1);
      if (value === undefined) throw new Error(`${flag} needs a value`);
      return value;
    };
    const lockfile = option('--lockfile') ?? 'package-lock.json';
    const npmVersion = option('--npm-version');
    const [input, output] = args;
    if (input === undefined || output === undefined) {
      throw new Error(
        'usage: node scripts/npmAuditToSarif.mjs NPM-AUDIT.json OUT.sarif [--lockfile package-lock.json] [--npm-version X.Y.Z]',
      );
    }
    let lockfileText;
    try {
      lockfileText = readFileSync(lockfile, 'utf8');
    } catch {
      console.error(`npmAuditToSarif: ${lockfile} not found; results are placed on its line 1`);
    }
    let json;
    try {
      json = JSON.parse(readFileSync(input, 'utf8'));
    } catch (error) {
      throw new Error(
        `${input}: not JSON (${error instanceof Error ? error.message : String(error)}); expected \`npm audit --json\` output`,
      );
    }
    const sarif = npmAuditToSarif(json, {
      source: input,
      ...(npmVersion === undefined ? {} : { npmVersion }),
      lockfileUri: path.relative(process.cwd(), path.resolve(lockfile)).split(path.sep).join('/'),
      ...(lockfileText === undefined ? {} : { lockfileText }),
    });
    writeFileSync(output, `${JSON.stringify(sarif, null, 2)}\n`);
    console.error(
      `npmAuditToSarif: ${sarif.runs[0]?.results.length ?? 0} results written to ${output}`,
    );
  } catch (error) {
    console.error(`npmAuditToSarif: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
