/** The body of the first fenced code block (preferring `language`), or undefined. */
export function extractCodeBlock(text: string, language?: string): string | undefined {
  const blocks = [...text.matchAll(/```([\w+-]*)[^\n]*\n([\s\S]*?)(?:\n```|$(?![\s\S]))/g)];
  const preferred =
    language === undefined
      ? undefined
      : blocks.find((block) => block[1]?.toLowerCase() === language);
  const block = preferred ?? blocks[0];
  return block?.[2];
}

export type ReviewSeverity = 'error' | 'warning' | 'information';

export interface ReviewFinding {
  readonly line: number;
  readonly severity: ReviewSeverity;
  readonly message: string;
  readonly ruleId?: string;
}

function asSeverity(value: unknown): ReviewSeverity {
  return value === 'error' || value === 'information' ? value : 'warning';
}

/**
 * The findings of a review answer. The model's text is untrusted: anything that is not a
 * well-formed item is dropped, lines are clamped to the file, messages are capped.
 */
export function parseReviewFindings(text: string, lineCount: number): ReviewFinding[] {
  const body = extractCodeBlock(text, 'json') ?? text;
  const start = body.indexOf('[');
  const end = body.lastIndexOf(']');
  if (start < 0 || end < start) {
    throw new Error('The AI review answer held no JSON list of findings.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.slice(start, end + 1));
  } catch (error) {
    throw new Error(
      `The AI review answer was not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!Array.isArray(parsed)) {
    throw new Error('The AI review answer was not a JSON list.');
  }
  const findings: ReviewFinding[] = [];
  for (const item of parsed as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    if (typeof record.message !== 'string' || record.message.trim() === '') continue;
    const line = typeof record.line === 'number' && Number.isFinite(record.line) ? record.line : 1;
    findings.push({
      line: Math.min(Math.max(1, Math.round(line)), Math.max(1, lineCount)),
      severity: asSeverity(record.severity),
      message: record.message.trim().slice(0, 1000),
      ...(typeof record.ruleId === 'string' && record.ruleId.trim() !== ''
        ? { ruleId: record.ruleId.trim().slice(0, 100) }
        : {}),
    });
  }
  return findings;
}
