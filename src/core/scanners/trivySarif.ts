import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Location, Region, ReportingDescriptor, Run } from 'sarif';
import { normalizePackageName } from '../manifests/normalizePackageName';
import { fileLocation, imageLocation } from './artifactLocation';
import type { JsonRecord } from './jsonValue';
import { asArray, asPositiveInteger, asRecord, asString, asStringArray } from './jsonValue';
import { plainText } from '../text/plainText';
import { RunBuilder } from './runBuilder';
import { safeHttpUrl } from './safeHttpUrl';
import type { ParseContext } from './scanner';
import { ScannerOutputError } from './scannerOutputError';
import { TRIVY_INFORMATION_URI } from './trivyJson';

const VULNERABILITY_ID =
  /\b(CVE-\d{4}-\d+|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+)\b/i;

/**
 * Reads Trivy's SARIF (`--format sarif`, and the old `contrib/sarif.tpl` template) into a run
 * in OpenPypi's conventions: relative URIs under %SRCROOT%, Trivy's fake "no line" region
 * (line 1, columns 1 to 1) dropped, OS-package findings kept on the image, tool markdown
 * dropped in favour of plain text.
 */
export function parseTrivySarif(log: JsonRecord, context: ParseContext): Run {
  const runs = asArray(log.runs).map(asRecord);
  if (!Array.isArray(log.runs)) {
    throw new ScannerOutputError('Trivy', 'the SARIF log has no "runs" array.');
  }
  const first = runs.find((r) => r !== undefined);
  const driverVersion = asString(asRecord(asRecord(first?.tool)?.driver)?.version);
  const builder = new RunBuilder(
    {
      name: 'Trivy',
      version: context.toolVersion ?? (driverVersion === 'dev' ? undefined : driverVersion),
      informationUri: TRIVY_INFORMATION_URI,
    },
    context.root,
  );
  for (const run of runs) {
    if (run !== undefined) {
      readRun(run, builder, context);
    }
  }
  return builder.build();
}

function readRun(run: JsonRecord, builder: RunBuilder, context: ParseContext): void {
  const rules = asArray(asRecord(asRecord(run.tool)?.driver)?.rules).map(asRecord);
  const bases = asRecord(run.originalUriBaseIds) ?? {};
  for (const item of asArray(run.results)) {
    const result = asRecord(item);
    const indexed = asPositiveIntegerOrZero(result?.ruleIndex);
    const rule = indexed === undefined ? undefined : rules[indexed];
    const ruleId = asString(result?.ruleId) ?? asString(rule?.id);
    if (result === undefined || ruleId === undefined) {
      builder.notify('warning', 'Trivy SARIF has a result without a rule id; it was skipped.');
      continue;
    }
    const sourceRule = rule?.id === ruleId ? rule : rules.find((r) => asString(r?.id) === ruleId);
    const ruleIndex = builder.rule(ruleId, () => ruleFrom(ruleId, sourceRule));
    const text = plainText(asString(asRecord(result.message)?.text) ?? ruleId, 20_000);
    const level = asString(result.level);
    const isOsPackage = asString(sourceRule?.name) === 'OsPackageVulnerability';
    const locations = asArray(result.locations)
      .map((l) => locationFrom(asRecord(l), bases, context, isOsPackage))
      .filter((l): l is Location => l !== undefined);
    const facts = packageFacts(text, ruleId, isOsPackage);
    builder.add(ruleIndex, {
      level:
        level === 'error' || level === 'warning' || level === 'note' || level === 'none'
          ? level
          : 'warning',
      message: { text },
      ...(locations.length > 0 ? { locations } : {}),
      ...(facts === undefined ? {} : { properties: facts }),
    });
  }
}

function asPositiveIntegerOrZero(value: unknown): number | undefined {
  return value === 0 ? 0 : asPositiveInteger(value);
}

function ruleFrom(id: string, rule: JsonRecord | undefined): Omit<ReportingDescriptor, 'id'> {
  const text = (key: string): string | undefined => {
    const value = asString(asRecord(rule?.[key])?.text);
    return value === undefined ? undefined : plainText(value);
  };
  const short = text('shortDescription') ?? id;
  const properties = asRecord(rule?.properties);
  const score = asString(properties?.['security-severity']);
  const helpUri = safeHttpUrl(asString(rule?.helpUri));
  const tags = asStringArray(properties?.tags).map((t) => plainText(t, 200));
  return {
    ...(asString(rule?.name) === undefined
      ? {}
      : { name: plainText(asString(rule?.name) ?? '', 200) }),
    shortDescription: { text: short },
    fullDescription: { text: text('fullDescription') ?? short },
    help: { text: text('help') ?? text('fullDescription') ?? short },
    ...(helpUri === undefined ? {} : { helpUri }),
    properties: {
      tags: [...new Set(['security', ...tags])],
      ...(score !== undefined && /^\d+(\.\d+)?$/.test(score) && Number(score) <= 10
        ? { 'security-severity': score }
        : {}),
    },
  };
}

function locationFrom(
  location: JsonRecord | undefined,
  bases: JsonRecord,
  context: ParseContext,
  isOsPackage: boolean,
): Location | undefined {
  const physical = asRecord(location?.physicalLocation);
  const artifact = asRecord(physical?.artifactLocation);
  const uri = asString(artifact?.uri);
  if (uri === undefined || uri === '') {
    return undefined;
  }
  const region = regionFrom(asRecord(physical?.region));
  const baseId = asString(artifact?.uriBaseId);
  const base = baseId === undefined ? undefined : asString(asRecord(bases[baseId])?.uri);
  const looksLikeImage =
    /^[\w.-]+(?::\d+)?\/?[\w./-]*(:[\w.-]+|@sha256:[0-9a-f]+)$/i.test(uri) && !uri.includes('://');
  // An image given as an archive (`trivy image --input image.tar`) is not a workspace file either.
  const isImageArchive = /\.(tar|tar\.gz|tgz)$/i.test(uri);
  if (
    isOsPackage ||
    looksLikeImage ||
    isImageArchive ||
    (context.imageReference !== undefined && uri === context.imageReference)
  ) {
    return imageLocation(uri);
  }
  let filePath = uri;
  try {
    if (/^file:/i.test(uri)) {
      filePath = fileURLToPath(uri);
    } else if (base !== undefined && /^file:/i.test(base) && base !== 'file:///') {
      filePath = fileURLToPath(new URL(uri, base.endsWith('/') ? base : `${base}/`));
    } else {
      filePath = decodeURIComponent(uri);
    }
  } catch {
    return undefined;
  }
  return fileLocation(
    context.root,
    path.isAbsolute(filePath) ? filePath : filePath.replace(/^\/+/, ''),
    region,
  );
}

/** Trivy writes line 1, columns 1 to 1 when it knows no line: that is not a position. */
function regionFrom(region: JsonRecord | undefined): Region | undefined {
  const startLine = asPositiveInteger(region?.startLine);
  if (region === undefined || startLine === undefined) {
    return undefined;
  }
  const endLine = asPositiveInteger(region.endLine);
  const startColumn = asPositiveInteger(region.startColumn);
  const endColumn = asPositiveInteger(region.endColumn);
  if (startLine === 1 && (endLine ?? 1) === 1 && startColumn === 1 && endColumn === 1) {
    return undefined;
  }
  const out: Region = { startLine };
  if (endLine !== undefined && endLine > startLine) {
    out.endLine = endLine;
  }
  return out;
}

/** Trivy's SARIF puts the package only in the message text: "Package: x\nInstalled Version: y\n...Fixed Version: z". */
function packageFacts(
  text: string,
  ruleId: string,
  isOsPackage: boolean,
): Record<string, unknown> | undefined {
  const name = /^Package: (\S+)/m.exec(text)?.[1];
  const id = VULNERABILITY_ID.exec(ruleId)?.[1];
  if (name === undefined || id === undefined) {
    return undefined;
  }
  const version = /^Installed Version: (\S+)/m.exec(text)?.[1];
  const fixed = /^Fixed Version: (.*)$/m.exec(text)?.[1] ?? '';
  return {
    'openpypi/package': {
      // OS package names are not Python names; language packages are compared PEP 503-normalised.
      name: isOsPackage ? name : normalizePackageName(name),
      ...(version === undefined ? {} : { version }),
    },
    'openpypi/vulnerabilityIds': [id],
    'openpypi/fixVersions': fixed
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  };
}
