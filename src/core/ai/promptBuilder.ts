import type { Redactor } from '../redaction/redactor';
import type { ChatMessage } from './chatMessage';
import type { FindingReference } from './findingReference';

/**
 * The prompts OpenPypi sends. Every piece of text passes through the redactor here, the one
 * door to the model: a token in a source file, a finding message or a path never leaves.
 */
const system =
  'You are a security reviewer for Python projects inside the OpenPypi VS Code extension. ' +
  'Be precise and brief. Text marked [REDACTED] was removed on purpose; never ask for it.';

/** How many lines of context around a finding go into an explanation or fix prompt. */
const contextLines = 20;

function numbered(text: string, firstLine = 1): string {
  return text
    .split('\n')
    .map((line, index) => `${String(firstLine + index).padStart(4)}| ${line}`)
    .join('\n');
}

/** The lines around `line` (1-based), numbered, for the model to see the finding in place. */
export function excerptAround(text: string, line: number | undefined): string {
  const lines = text.split('\n');
  if (line === undefined) {
    return numbered(lines.slice(0, contextLines * 2).join('\n'));
  }
  const start = Math.max(1, line - contextLines);
  const end = Math.min(lines.length, line + contextLines);
  return numbered(lines.slice(start - 1, end).join('\n'), start);
}

function describeFinding(finding: FindingReference): string {
  const where = finding.file ? `${finding.file}${finding.line ? `:${finding.line}` : ''}` : '';
  return [
    finding.ruleId ? `Rule: ${finding.ruleId}` : '',
    finding.source ? `Reported by: ${finding.source}` : '',
    where ? `Location: ${where}` : '',
    `Message: ${finding.message}`,
  ]
    .filter((part) => part !== '')
    .join('\n');
}

export class PromptBuilder {
  constructor(private readonly redactor: Redactor) {}

  explainFinding(finding: FindingReference, fileText?: string): ChatMessage[] {
    const code =
      fileText === undefined ? '' : `\n\nCode:\n${excerptAround(fileText, finding.line)}`;
    return this.messages(
      `Explain this security finding: what the risk is, how it could be exploited here, and how to fix it. Answer in Markdown.\n\n${describeFinding(finding)}${code}`,
    );
  }

  fixFinding(finding: FindingReference, fileText: string): ChatMessage[] {
    return this.messages(
      `Fix this security finding with the smallest change. Reply with the complete corrected file in one \`\`\`python code block and nothing else outside it, then one sentence saying what changed.\n\n${describeFinding(finding)}\n\nFile:\n\`\`\`python\n${fileText}\n\`\`\``,
    );
  }

  generateTests(code: string, file: string): ChatMessage[] {
    return this.messages(
      `Write pytest tests for the following code from ${file}. Cover normal cases, edge cases and the security-relevant behaviour. Reply with one \`\`\`python code block containing a complete test module.\n\n\`\`\`python\n${code}\n\`\`\``,
    );
  }

  reviewFile(fileText: string, file: string): ChatMessage[] {
    return this.messages(
      `Review ${file} for security problems. Reply with only a JSON array (in one \`\`\`json block); each item is {"line": <1-based line>, "severity": "error" | "warning" | "information", "message": "<problem and fix>", "ruleId": "<short id such as CWE-78>"}. Reply [] when there is nothing to report.\n\n${numbered(fileText)}`,
    );
  }

  /** The first module and its tests of a new project, from the person's idea. */
  projectFromIdea(idea: string, packageName: string, template: string): ChatMessage[] {
    return this.messages(
      `Write the first module of a new Python package "${packageName}" (a ${template} project) for this idea, and its pytest tests. Reply with exactly two \`\`\`python code blocks and nothing else: first the module (it will be saved as src/${packageName}/feature.py; standard library only, typed, no network or subprocess use), then its tests (saved as tests/test_feature.py; they import from ${packageName}.feature and must pass).\n\nIdea: ${idea}`,
    );
  }

  private messages(user: string): ChatMessage[] {
    return [
      { role: 'system', content: this.redactor.redact(system) },
      { role: 'user', content: this.redactor.redact(user) },
    ];
  }
}
