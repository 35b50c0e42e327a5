import type { Artifact, Log, ReportingDescriptor, Result, Run } from 'sarif';
import { addFingerprints } from './addFingerprints';
import { completeRuleTexts } from './completeRuleTexts';
import { correlateDependencyFindings } from './correlateDependencyFindings';
import { directoryFileUri } from './resolveArtifactUri';
import { ruleIdOf, toolName } from './resultFacts';
import { SARIF_SCHEMA_URI, SARIF_VERSION, SOURCE_ROOT_BASE_ID } from './sarifVocabulary';
import { workspaceTextReader, type TextReader } from './workspaceTextReader';

export interface MergeOptions {
  /** The workspace root, written as `%SRCROOT%` and used to read files for fingerprints. */
  readonly root: string;
  /** How to read workspace files for fingerprints; defaults to reading under `root`. */
  readonly readText?: TextReader;
}

/**
 * Merges runs from scanners and imports into one SARIF 2.1.0 log: one run per tool (runs of
 * the same tool are folded together, rules unified), the same vulnerability in the same package
 * correlated across tools, and stable fingerprints on every result. The input runs and results
 * are not modified (results are copied; their nested objects are shared).
 */
export function mergeRuns(runs: readonly Run[], options: MergeOptions): Log {
  const byTool = new Map<string, Run[]>();
  for (const run of runs) {
    const key = toolName(run).trim().toLowerCase();
    const group = byTool.get(key) ?? [];
    group.push(run);
    byTool.set(key, group);
  }
  const merged = [...byTool.values()].map((group) => mergeToolRuns(group, options.root));
  const dependencyKeys = correlateDependencyFindings(merged);
  addFingerprints(
    merged,
    options.readText ?? workspaceTextReader(options.root, false),
    dependencyKeys,
  );
  return { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs: merged };
}

/** A new log with the standard header around `runs`, for callers that hold runs already merged. */
export function logOf(runs: Run[]): Log {
  return { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs };
}

function mergeToolRuns(group: readonly Run[], root: string): Run {
  const [first] = group;
  if (first === undefined) {
    throw new Error('mergeToolRuns needs at least one run');
  }
  const rules: ReportingDescriptor[] = [];
  const ruleIndexById = new Map<string, number>();
  const artifacts: Artifact[] = [];
  const results: Result[] = [];
  const invocations = group.flatMap((run) => run.invocations ?? []);
  const ruleIndexFor = (id: string, descriptor: ReportingDescriptor | undefined): number => {
    const existing = ruleIndexById.get(id);
    if (existing !== undefined) {
      return existing;
    }
    rules.push(completeRuleTexts(structuredClone(descriptor ?? { id })));
    ruleIndexById.set(id, rules.length - 1);
    return rules.length - 1;
  };

  for (const run of group) {
    const driverRules = run.tool.driver.rules ?? [];
    for (const rule of driverRules) {
      ruleIndexFor(rule.id, rule);
    }
    const artifactOffset = artifacts.length;
    artifacts.push(...structuredClone(run.artifacts ?? []));
    for (const source of run.results ?? []) {
      // Shallow: merging only replaces top-level fields (and clones locations it shifts).
      const result: Result = { ...source };
      const stated = source.ruleIndex === undefined ? undefined : driverRules[source.ruleIndex];
      const ruleId = ruleIdOf(run, source) || 'openpypi/unidentified-rule';
      const ruleKey = stated !== undefined && ruleId.startsWith(stated.id) ? stated.id : ruleId;
      result.ruleId = ruleId;
      result.ruleIndex = ruleIndexFor(ruleKey, stated?.id === ruleKey ? stated : undefined);
      delete result.rule;
      if (artifactOffset > 0) {
        result.locations = structuredClone(source.locations);
        result.relatedLocations = structuredClone(source.relatedLocations);
        result.codeFlows = structuredClone(source.codeFlows);
        shiftArtifactIndices(result, artifactOffset);
      }
      results.push(result);
    }
  }

  const driver = { ...structuredClone(first.tool.driver), rules };
  const version = group.map((run) => run.tool.driver.version).find((value) => value !== undefined);
  if (version !== undefined) {
    driver.version = version;
  }
  const merged: Run = {
    ...structuredClone({
      ...first,
      results: undefined,
      invocations: undefined,
      artifacts: undefined,
    }),
    tool: { driver },
    originalUriBaseIds: {
      ...first.originalUriBaseIds,
      [SOURCE_ROOT_BASE_ID]: { uri: directoryFileUri(root) },
    },
    results,
  };
  delete merged.tool.extensions;
  if (invocations.length > 0) {
    merged.invocations = structuredClone(invocations);
  }
  if (artifacts.length > 0) {
    merged.artifacts = artifacts;
  }
  if (group.length > 1) {
    merged.properties = Object.assign(
      {},
      ...group.map((run) => run.properties ?? {}),
    ) as Run['properties'];
  }
  return merged;
}

function shiftArtifactIndices(result: Result, offset: number): void {
  const locations = [
    ...(result.locations ?? []),
    ...(result.relatedLocations ?? []),
    ...(result.codeFlows ?? []).flatMap((flow) =>
      flow.threadFlows.flatMap((thread) => thread.locations.map((step) => step.location ?? {})),
    ),
  ];
  for (const location of locations) {
    const artifact = location.physicalLocation?.artifactLocation;
    if (artifact?.index !== undefined) {
      artifact.index += offset;
    }
  }
}
