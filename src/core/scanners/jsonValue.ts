import { describeError } from '../logging/describeError';
import { ScannerOutputError } from './scannerOutputError';

/** Narrow readers over untrusted JSON: each returns undefined rather than trusting a shape. */
export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string, or a number written as a string (ids are sometimes numbers). */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A positive whole line or column number, or undefined. */
export function asPositiveInteger(value: unknown): number | undefined {
  const n = asNumber(value);
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 2 ** 31 - 1 ? n : undefined;
}

export function asStringArray(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === 'string');
}

/** Parses a tool's stdout as JSON, with a clear error naming the tool when it is not JSON. */
export function parseToolJson(tool: string, stdout: string): unknown {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') {
    throw new ScannerOutputError(tool, 'the tool printed nothing on stdout.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const start = text.slice(0, 60).replace(/\s+/g, ' ');
    throw new ScannerOutputError(
      tool,
      `it is not JSON (${describeError(error)}); it starts with "${start}". The output may be truncated, or the tool may have printed a message instead of a report.`,
    );
  }
}
