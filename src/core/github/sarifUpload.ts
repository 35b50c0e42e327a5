import { gzipSync } from 'node:zlib';
import type { Log } from 'sarif';
import { UserError } from '../errors/userError';
import { parseSarifDocument } from '../sarif/parseSarifDocument';
import { SarifImportError } from '../sarif/sarifImportError';
import { summariseLog } from '../sarif/summariseLog';
import { arrayOf, isRecord, recordOf, stringOf } from '../sarif/untrustedJson';

/** GitHub code scanning's documented limits for one SARIF upload. */
export const sarifUploadLimits = {
  /** The gzip-compressed log. */
  maxGzipBytes: 10 * 1024 * 1024,
  maxRuns: 20,
  maxResultsPerRun: 25_000,
  maxRulesPerRun: 25_000,
  maxLocationsPerResult: 1_000,
} as const;

export interface PreparedSarifUpload {
  /** gzip of the log's bytes, base64: the `sarif` field of the upload request. */
  readonly sarif: string;
  readonly gzipBytes: number;
  readonly runs: number;
  readonly results: number;
  readonly tools: readonly string[];
}

/** Refused before sending: the reason names the file and what to change. */
export class SarifUploadRefusedError extends UserError {
  constructor(source: string, reason: string) {
    super(`GitHub would reject ${source}: ${reason}`);
    this.name = 'SarifUploadRefusedError';
  }
}

// An RFC 3986 URI reference has no spaces, controls, backslashes or unescaped angle brackets.
const badUriCharacter = /[\s<>"\\^`{|}\p{Cc}]/u;

function uriProblems(value: unknown, pointer: string, problems: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      uriProblems(item, `${pointer}/${index}`, problems);
    });
    return;
  }
  const record = recordOf(value);
  if (record === undefined) return;
  for (const [key, child] of Object.entries(record)) {
    if (key === 'uri' && typeof child === 'string' && badUriCharacter.test(child)) {
      problems.push(`${pointer}/uri "${child.slice(0, 80)}" is not a valid URI`);
    } else if (typeof child === 'object' && child !== null) {
      uriProblems(child, `${pointer}/${key}`, problems);
    }
  }
}

/** What GitHub's ingestion would refuse in a run; empty when the run is acceptable. */
function runProblems(raw: unknown, index: number): string[] {
  const pointer = `/runs/${index}`;
  const run = recordOf(raw);
  if (run === undefined) return [`${pointer} is not an object`];
  const problems: string[] = [];
  const name = stringOf(recordOf(recordOf(run.tool)?.driver)?.name);
  if (name === undefined || name.trim() === '') {
    problems.push(`${pointer}/tool/driver/name is missing or empty (every run must name its tool)`);
  }
  const driver = recordOf(recordOf(run.tool)?.driver);
  const rules = driver?.rules;
  if (rules !== undefined && !Array.isArray(rules)) {
    problems.push(`${pointer}/tool/driver/rules is not an array`);
  } else if (Array.isArray(rules) && rules.length > sarifUploadLimits.maxRulesPerRun) {
    problems.push(
      `${pointer} has ${rules.length} rules; GitHub accepts at most ${sarifUploadLimits.maxRulesPerRun} per run`,
    );
  }
  if (run.results === undefined) return problems;
  const results = arrayOf(run.results);
  if (results === undefined) {
    problems.push(`${pointer}/results is not an array`);
    return problems;
  }
  if (results.length > sarifUploadLimits.maxResultsPerRun) {
    problems.push(
      `${pointer} has ${results.length} results; GitHub accepts at most ${sarifUploadLimits.maxResultsPerRun} per run (split the log or raise the minimum severity)`,
    );
  }
  results.slice(0, sarifUploadLimits.maxResultsPerRun).forEach((result, r) => {
    const at = `${pointer}/results/${r}`;
    if (!isRecord(result)) {
      problems.push(`${at} is not an object`);
      return;
    }
    const message = recordOf(result.message);
    if (
      message === undefined ||
      (stringOf(message.text) === undefined && stringOf(message.id) === undefined)
    ) {
      problems.push(`${at}/message has neither text nor id`);
    }
    const locations = arrayOf(result.locations);
    if (locations !== undefined && locations.length > sarifUploadLimits.maxLocationsPerResult) {
      problems.push(`${at} has ${locations.length} locations; GitHub accepts at most 1000`);
    }
  });
  uriProblems(run, pointer, problems);
  return problems;
}

/**
 * Checks a SARIF log against what GitHub code scanning accepts (valid SARIF 2.1.0 shape, at
 * most 20 runs, 25,000 results and rules per run, valid URIs, 10 MB gzipped) and returns the
 * request body: the log gzipped and base64-encoded. Throws SarifUploadRefusedError with the
 * first problems found.
 */
export function prepareSarifUpload(text: string, source: string): PreparedSarifUpload {
  let document;
  try {
    document = parseSarifDocument(text, source);
  } catch (error) {
    if (error instanceof SarifImportError) throw new SarifUploadRefusedError(source, error.message);
    throw error;
  }
  const runs = document.runs;
  if (runs.length === 0) {
    throw new SarifUploadRefusedError(source, 'it has no runs, so there is nothing to upload.');
  }
  if (runs.length > sarifUploadLimits.maxRuns) {
    throw new SarifUploadRefusedError(
      source,
      `it has ${runs.length} runs; GitHub accepts at most ${sarifUploadLimits.maxRuns} runs per upload. Merge the runs of each tool, or upload the tools separately.`,
    );
  }
  const problems = runs.flatMap((run, index) => runProblems(run, index));
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new SarifUploadRefusedError(
      source,
      `it is not valid for code scanning: ${shown}${more}.`,
    );
  }
  const gzipped = gzipSync(Buffer.from(text, 'utf8'));
  if (gzipped.length > sarifUploadLimits.maxGzipBytes) {
    throw new SarifUploadRefusedError(
      source,
      `it is ${(gzipped.length / 1024 / 1024).toFixed(1)} MB gzipped; GitHub accepts at most 10 MB. Upload fewer results (for example without notes).`,
    );
  }
  const summary = summariseLog(document.root as unknown as Log);
  return {
    sarif: gzipped.toString('base64'),
    gzipBytes: gzipped.length,
    runs: runs.length,
    results:
      summary.tools.reduce((sum, tool) => sum + tool.total, 0) +
      summary.suppressed +
      summary.absent,
    tools: [...new Set(summary.tools.map((tool) => tool.tool))],
  };
}
