import type { Run } from 'sarif';
import { addDependencyFinding } from './dependencyFinding';
import { asArray, asRecord, asString, asStringArray, parseToolJson } from './jsonValue';
import { plainText } from '../text/plainText';
import { RunBuilder } from './runBuilder';
import type { ParseContext, Scanner, ScanTarget } from './scanner';
import { ScannerOutputError } from './scannerOutputError';
import { manifestKind } from '../manifests/manifestKind';

/** The manifests pip-audit audits for a target: requirements files, else the root pyproject.toml. */
export function pipAuditManifests(manifests: readonly string[]): string[] {
  const requirements = manifests.filter((m) => manifestKind(m) === 'requirements');
  if (requirements.length > 0) {
    return requirements;
  }
  return manifests.includes('pyproject.toml') ? ['pyproject.toml'] : [];
}

function pipAuditArgs(manifests: readonly string[]): string[] | undefined {
  const audited = pipAuditManifests(manifests);
  if (audited.length === 0) {
    return undefined;
  }
  const base = ['-f', 'json', '--progress-spinner', 'off'];
  if (audited[0] === 'pyproject.toml') {
    return [...base, '.'];
  }
  return [...base, ...audited.flatMap((file) => ['-r', file])];
}

export const pipAuditScanner: Scanner = {
  id: 'pip-audit',
  displayName: 'pip-audit',
  informationUri: 'https://github.com/pypa/pip-audit',
  installHint: 'python -m pip install pip-audit',
  executableName: 'pip-audit',
  readsManifests: true,
  versionArgs: ['--version'],
  parseVersion: (output) => /pip-audit\s+v?(\d+(?:\.\d+)+\S*)/i.exec(output)?.[1],
  // pip-audit exits 1 when it found vulnerabilities, and also on some errors: the parser tells them apart.
  exitCodeMeaning: (code) => (code === 0 ? 'ok' : code === 1 ? 'findings' : 'error'),
  argsForWorkspace: (target: ScanTarget) => pipAuditArgs(target.manifests),
  argsForFiles: (_target, files) => pipAuditArgs(files),
  parse: parsePipAuditJson,
};

/**
 * Reads `pip-audit -f json`: the current `{dependencies, fixes}` object or the bare array of
 * releases before 2.0. pip-audit names packages, not files, so each result goes on the line of
 * the audited manifest that declares the package. Skipped dependencies become notifications.
 */
export function parsePipAuditJson(stdout: string, context: ParseContext): Run {
  const json = parseToolJson('pip-audit', stdout);
  const dependencies = Array.isArray(json) ? json : asRecord(json)?.dependencies;
  if (!Array.isArray(dependencies)) {
    throw new ScannerOutputError(
      'pip-audit',
      'expected a JSON array of dependencies or an object with a "dependencies" array (pip-audit -f json).',
    );
  }
  const builder = new RunBuilder(
    {
      name: 'pip-audit',
      version: context.toolVersion,
      informationUri: pipAuditScanner.informationUri,
    },
    context.root,
  );
  for (const item of dependencies) {
    const dependency = asRecord(item);
    const name = asString(dependency?.name);
    if (dependency === undefined || name === undefined) {
      builder.notify('warning', 'pip-audit listed a dependency without a name; it was skipped.');
      continue;
    }
    const skipReason = asString(dependency.skip_reason);
    if (skipReason !== undefined) {
      builder.notify(
        'warning',
        `pip-audit did not audit ${plainText(name, 200)}: ${plainText(skipReason, 2000)}`,
        {
          package: plainText(name, 200),
        },
      );
      continue;
    }
    const version = asString(dependency.version);
    for (const entry of asArray(dependency.vulns)) {
      const vuln = asRecord(entry);
      const id = asString(vuln?.id);
      if (vuln === undefined || id === undefined || id.trim() === '') {
        builder.notify(
          'warning',
          `pip-audit listed a vulnerability of ${plainText(name, 200)} without an id; it was skipped.`,
        );
        continue;
      }
      addDependencyFinding(builder, context, {
        packageName: name,
        version,
        vulnerabilityId: id,
        aliases: asStringArray(vuln.aliases),
        fixVersions: asStringArray(vuln.fix_versions),
        description: asString(vuln.description),
      });
    }
  }
  return builder.build();
}
