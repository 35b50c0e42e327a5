import type { DeploymentProblem } from './deploymentProblem';

/** Parses HCL (the lazily loaded @cdktf/hcl2json); rejects with the parser's diagnostics text. */
export type HclParser = (filename: string, source: string) => Promise<unknown>;

// hcl2json reports "parse config: [main.tf:3,7-4,1: Summary; Detail. main.tf:...]".
const diagnostic =
  /(?:^|[\s[])(?:[^\s:[\]]+):(\d+),(\d+)-(?:(\d+),)?(\d+): ([^;]+?)(?:; (.*?))?(?=(?:\s[^\s:[\]]+:\d+,\d+-\d+(?:,\d+)?: )|\]?$)/gs;

/** Turns the parser's error text into problems, one per HCL diagnostic, on their lines. */
export function terraformProblems(file: string, message: string): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  const seen = new Set<string>();
  for (const match of message.matchAll(diagnostic)) {
    const [, line, column, endLineText, endColumn, summary, detail] = match;
    const startLine = Number(line) - 1;
    const endLine = endLineText === undefined ? startLine : Number(endLineText) - 1;
    const text = detail === undefined ? (summary ?? '') : `${summary ?? ''}: ${detail.trim()}`;
    const key = `${startLine}:${column}:${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      file,
      line: startLine,
      column: Number(column) - 1,
      endLine,
      endColumn: Number(endColumn) - 1,
      message: text.trim(),
      severity: 'error',
      source: 'terraform-parser',
      code: 'syntax',
    });
  }
  if (problems.length === 0) {
    problems.push({
      file,
      line: 0,
      column: 0,
      endLine: 0,
      endColumn: 0,
      message: `Terraform could not be parsed: ${message}`,
      severity: 'error',
      source: 'terraform-parser',
      code: 'syntax',
    });
  }
  return problems;
}

/** Parses one .tf file; a syntax error becomes a problem on its line. */
export async function checkTerraform(
  file: string,
  source: string,
  parse: HclParser,
): Promise<DeploymentProblem[]> {
  try {
    await parse(file.split('/').pop() ?? file, source);
    return [];
  } catch (error) {
    return terraformProblems(file, error instanceof Error ? error.message : String(error));
  }
}
