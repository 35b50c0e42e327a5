// Types of bench/compare.mjs, for the unit tests in TypeScript.
export interface Figure {
  benchmark?: string;
  name: string;
  value: number;
  unit: string;
  better: 'lower' | 'higher';
  target?: number;
}
export interface BenchReport {
  date?: string;
  commit?: string;
  uncommittedChanges?: boolean;
  machine?: Record<string, unknown>;
  figures: Figure[];
  failures?: { benchmark: string; error: string }[];
}
export type Status = 'ok' | 'improved' | 'regressed' | 'missing' | 'new' | 'unit changed';
export interface ComparisonRow {
  name: string;
  unit: string;
  better: 'lower' | 'higher';
  old?: number;
  new?: number;
  ratio?: number;
  status: Status;
}
export interface Comparison {
  rows: ComparisonRow[];
  failed: boolean;
  tolerance: number;
}
export declare const defaultTolerance: number;
export declare function toBenchReport(json: unknown, source: string): BenchReport;
export declare function readBenchReport(file: string): BenchReport;
export declare function parseTolerance(text: string): number;
export declare function compareReports(
  oldReport: BenchReport,
  newReport: BenchReport,
  options?: { tolerance?: number; allowMissing?: boolean },
): Comparison;
export declare function formatComparison(comparison: Comparison): string;
export declare function runCompare(args: string[]): Comparison;
