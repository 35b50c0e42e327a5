import type { Log, Result, Run } from 'sarif';
import { completeRuleTexts } from './completeRuleTexts';
import { dependencyFacts, ruleIdOf, toolName } from './resultFacts';
import { FINGERPRINT_KEY } from './sarifVocabulary';

/**
 * Compares `log` with a previous log and sets `baselineState` on every result, in place:
 * `unchanged` when the previous log had the same finding (same tool and fingerprint, or for a
 * dependency finding the same package and any shared advisory id) with the same level, message
 * and file (a finding whose line moved is unchanged); `updated` when one of those changed; `new` otherwise. Previous findings that are
 * gone are copied into the log with `absent`, as SARIF asks. Results already `absent` in the
 * previous log are not carried again.
 */
export function applyBaseline(log: Log, previous: Log): Log {
  const candidates = new Map<string, Result[]>();
  const previousRuns = new Map<string, Run>();
  for (const run of previous.runs) {
    const tool = toolKey(run);
    previousRuns.set(tool, run);
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') {
        continue;
      }
      for (const key of matchKeys(tool, result)) {
        const list = candidates.get(key) ?? [];
        list.push(result);
        candidates.set(key, list);
      }
    }
  }

  const matched = new Set<Result>();
  for (const run of log.runs) {
    const tool = toolKey(run);
    for (const result of run.results ?? []) {
      const match = matchKeys(tool, result)
        .flatMap((key) => candidates.get(key) ?? [])
        .find((candidate) => !matched.has(candidate));
      if (match === undefined) {
        result.baselineState = 'new';
        continue;
      }
      matched.add(match);
      result.baselineState = sameFinding(result, match) ? 'unchanged' : 'updated';
    }
  }

  for (const [tool, previousRun] of previousRuns) {
    const gone = (previousRun.results ?? []).filter(
      (result) => result.baselineState !== 'absent' && !matched.has(result),
    );
    if (gone.length === 0) {
      continue;
    }
    let run = log.runs.find((candidate) => toolKey(candidate) === tool);
    if (run === undefined) {
      run = { tool: { driver: { ...previousRun.tool.driver, rules: [] } }, results: [] };
      if (previousRun.originalUriBaseIds !== undefined) {
        run.originalUriBaseIds = previousRun.originalUriBaseIds;
      }
      log.runs.push(run);
    }
    const rules = (run.tool.driver.rules ??= []);
    const results = (run.results ??= []);
    for (const result of gone) {
      const ruleId = ruleIdOf(previousRun, result);
      let ruleIndex = rules.findIndex((rule) => rule.id === ruleId);
      if (ruleIndex < 0) {
        const previousRule = previousRun.tool.driver.rules?.find((rule) => rule.id === ruleId);
        rules.push(
          completeRuleTexts(
            structuredClone(previousRule ?? { id: ruleId || 'openpypi/unidentified-rule' }),
          ),
        );
        ruleIndex = rules.length - 1;
      }
      const copy: Result = { ...structuredClone(result), baselineState: 'absent', ruleIndex };
      copy.ruleId = rules[ruleIndex]?.id ?? ruleId;
      delete copy.rule;
      if (
        copy.locations?.some(
          (location) => location.physicalLocation?.artifactLocation?.index !== undefined,
        )
      ) {
        for (const location of copy.locations) {
          delete location.physicalLocation?.artifactLocation?.index;
        }
      }
      results.push(copy);
    }
  }
  return log;
}

function toolKey(run: Run): string {
  return toolName(run).trim().toLowerCase();
}

function matchKeys(tool: string, result: Result): string[] {
  const keys: string[] = [];
  const fingerprint = result.partialFingerprints?.[FINGERPRINT_KEY];
  if (fingerprint !== undefined) {
    keys.push(`${tool}\u0000fp\u0000${fingerprint}`);
  }
  const facts = dependencyFacts(result);
  if (facts !== undefined) {
    for (const id of facts.ids) {
      keys.push(`${tool}\u0000dep\u0000${facts.name}\u0000${id}`);
    }
  }
  return keys;
}

function sameFinding(current: Result, previous: Result): boolean {
  const where = (result: Result): string => {
    // The file only: a finding whose line merely moved is the same finding, unchanged.
    return result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  };
  return (
    current.level === previous.level &&
    current.message.text === previous.message.text &&
    where(current) === where(previous)
  );
}
