/**
 * A tool's output could not be understood: not JSON, or JSON of another shape. The message names
 * the tool and what was wrong; the parsers throw nothing else.
 */
export class ScannerOutputError extends Error {
  constructor(
    readonly tool: string,
    detail: string,
  ) {
    super(`${tool} output could not be read: ${detail}`);
    this.name = 'ScannerOutputError';
  }
}
