// Types of bench/runFigures.mjs, for the unit tests in TypeScript.
import type { Figure } from './compare.mjs';
export declare function lastJsonObject(text: string, benchmark: string): unknown;
export declare function editorFigures(json: unknown): Figure[];
export declare function sarifImportFigures(json: unknown): Figure[];
export declare function scanOverheadFigures(json: unknown): Figure[];
export declare function providersFigures(text: string): Figure[];
