import { createHash } from 'node:crypto';
import type { Result, Run } from 'sarif';
import { dependencyFacts, toolName } from './resultFacts';
import { property } from './sarifVocabulary';

/**
 * Makes one finding of each vulnerability in each package, however many tools saw it. CVE,
 * GHSA, PYSEC and OSV ids of one advisory are aliases: results about the same package that
 * share any id belong together (transitively). Each result of a group gets the same
 * `correlationGuid` and `properties['openpypi/seenBy']` listing every tool of the group.
 * Returns each dependency result's group key (package + the group's smallest id).
 */
export function correlateDependencyFindings(runs: readonly Run[]): Map<Result, string> {
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let current = node;
    while (parent.get(current) !== current) {
      const next = parent.get(current) ?? current;
      parent.set(current, parent.get(next) ?? next);
      current = next;
    }
    return current;
  };
  const union = (a: string, b: string): void => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) {
      // The smaller id becomes the root, so a group's key does not depend on input order.
      if (rootA < rootB) parent.set(rootB, rootA);
      else parent.set(rootA, rootB);
    }
  };

  const members: { result: Result; tool: string; node: string }[] = [];
  for (const run of runs) {
    for (const result of run.results ?? []) {
      const facts = dependencyFacts(result);
      if (facts === undefined || facts.ids.length === 0) {
        continue;
      }
      const nodes = facts.ids.map((id) => `${facts.name}\u0000${id}`);
      for (const node of nodes) {
        if (!parent.has(node)) parent.set(node, node);
      }
      const [first, ...rest] = nodes;
      if (first === undefined) continue;
      for (const node of rest) union(first, node);
      members.push({ result, tool: toolName(run), node: first });
    }
  }

  const toolsOf = new Map<string, Set<string>>();
  for (const member of members) {
    const key = find(member.node);
    const tools = toolsOf.get(key) ?? new Set<string>();
    tools.add(member.tool);
    toolsOf.set(key, tools);
  }
  const keys = new Map<Result, string>();
  for (const { result, node } of members) {
    const key = find(node);
    result.correlationGuid = guidFor(key);
    result.properties = {
      ...result.properties,
      [property.seenBy]: [...(toolsOf.get(key) ?? [])].sort(),
    };
    keys.set(result, key);
  }
  return keys;
}

/** A stable GUID (version-4 layout) derived from `key`. */
export function guidFor(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
