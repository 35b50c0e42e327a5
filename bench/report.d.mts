// Types of bench/report.mjs, for the unit tests in TypeScript.
import type { BenchReport, Figure } from './compare.mjs';
export declare const startMarker: string;
export declare const endMarker: string;
export declare function withUnit(value: number, unit: string): string;
export declare function meetsTarget(figure: Figure): boolean | undefined;
export declare function machineLine(report: BenchReport): string;
export declare function readmeSection(report: BenchReport): string;
export declare function replaceBenchSection(readme: string, section: string): string;
