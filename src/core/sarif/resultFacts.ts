import type { Result, Run } from 'sarif';
import { property, SOURCE_ROOT_BASE_ID } from './sarifVocabulary';
import { isRecord, stringsOf, textOf } from './untrustedJson';

/** The package a dependency finding is about, read from OpenPypi's property bag. */
export interface DependencyFacts {
  readonly name: string;
  readonly version: string | undefined;
  /** The advisory id first, then its aliases, upper-cased. */
  readonly ids: readonly string[];
}

/** The dependency facts of `result`, or undefined when it is not a dependency finding. */
export function dependencyFacts(result: Result): DependencyFacts | undefined {
  const pkg: unknown = result.properties?.[property.package];
  if (!isRecord(pkg)) {
    return undefined;
  }
  const name = textOf(pkg.name);
  if (name === undefined) {
    return undefined;
  }
  const listed = stringsOf(result.properties?.[property.vulnerabilityIds]);
  const ids = (listed.length > 0 ? listed : [result.ruleId ?? '']).filter((id) => id !== '');
  return {
    name: name.toLowerCase(),
    version: textOf(pkg.version),
    ids: [...new Set(ids.map((id) => id.toUpperCase()))],
  };
}

/** The name of the tool that produced a run. */
export function toolName(run: Run): string {
  return run.tool.driver.name;
}

/** The `%SRCROOT%`-relative path and start line of a result's primary location, when it has one. */
export function primaryWorkspaceLocation(
  result: Result,
): { readonly path: string; readonly startLine: number | undefined } | undefined {
  const physical = result.locations?.[0]?.physicalLocation;
  const artifact = physical?.artifactLocation;
  if (artifact?.uri === undefined || artifact.uriBaseId !== SOURCE_ROOT_BASE_ID) {
    return undefined;
  }
  let decoded = artifact.uri;
  if (decoded.includes('%')) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      decoded = artifact.uri;
    }
  }
  return { path: decoded, startLine: physical?.region?.startLine };
}

/** The rule id of a result, from `ruleId` or its rule's descriptor. */
export function ruleIdOf(run: Run, result: Result): string {
  if (result.ruleId !== undefined) {
    return result.ruleId;
  }
  const index = result.ruleIndex ?? result.rule?.index;
  const fromIndex = index === undefined ? undefined : run.tool.driver.rules?.[index]?.id;
  return fromIndex ?? result.rule?.id ?? '';
}
