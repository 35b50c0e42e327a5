import type { GeneratedFile } from './projectSpec';

/**
 * The module and tests from an AI answer to PromptBuilder.projectFromIdea: its first two
 * ```python blocks, or undefined when there are fewer. The model's text is untrusted: it is
 * only ever written as files of the new project for the person to read, never run.
 */
export function ideaFiles(answer: string, packageName: string): GeneratedFile[] | undefined {
  const blocks = [...answer.matchAll(/```python[^\n]*\n([\s\S]*?)\n```/g)].map(
    (match) => match[1] ?? '',
  );
  const [module, tests] = blocks;
  if (module === undefined || tests === undefined) return undefined;
  const header = '# Written by an AI model from the project idea: review it before use.\n';
  return [
    { path: `src/${packageName}/feature.py`, content: `${header}${module.trimEnd()}\n` },
    { path: 'tests/test_feature.py', content: `${header}${tests.trimEnd()}\n` },
  ];
}
