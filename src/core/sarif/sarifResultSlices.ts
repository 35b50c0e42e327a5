import { Buffer } from 'node:buffer';

/**
 * Finds where each run's `results` array lies in the UTF-8 bytes of a SARIF log, so that a
 * large log is parsed as its skeleton (everything but the results) and then its results a slice
 * at a time, instead of in one JSON.parse of the whole document. The results of one slice are
 * garbage once they are normalised, so the import never holds every parsed result at once, and
 * its first findings are ready after one slice instead of after the whole document.
 *
 * It reads bytes, not a decoded string: the log is never held as one 25 MB string, and each
 * slice is decoded on its own (no multi-byte UTF-8 character contains an ASCII byte, so the
 * structure is found the same way in the bytes). The scan only walks the structure: the skeleton
 * and each slice are still read by JSON.parse, which checks them. Whatever the scan does not
 * recognise as an ordinary SARIF document (not an object, a second `runs` or `results` member, a
 * member name with an escape, anything after the document) yields `undefined`, and the caller
 * parses the whole text as before.
 *
 * Measured on 100,000 generated results (Node 24, this 2-core machine): the scan takes 19-24 ms,
 * scan and slices together 125-135 ms, against 100-460 ms to decode and parse the whole text.
 */
export interface SarifResultSlices {
  /** The document with every sliced `results` array emptied (`[]`). */
  readonly skeleton: string;
  /**
   * The results of the run at `runIndex` in `runs`, parsed a slice at a time as they are taken
   * (each slice the fewest whole results that reach `sliceLength` bytes); nothing for a run
   * whose results are left in the skeleton. Throws SyntaxError for a slice that is not JSON.
   */
  results(runIndex: number): Generator;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** A run's results: where the array's content starts and ends, and the slices' bounds. */
interface ResultsArray {
  readonly contentStart: number;
  readonly contentEnd: number;
  /** [start, end) of each slice of whole results, separators between them excluded. */
  readonly slices: [number, number][];
}

export function sliceSarifResults(
  bytes: Uint8Array,
  sliceLength: number,
): SarifResultSlices | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const arrays = new Scan(buffer, sliceLength).document();
  if (arrays === undefined) return undefined;
  const text = (start: number, end: number): string => buffer.toString('utf8', start, end);
  let skeleton = '';
  let from = 0;
  // In the order the scan met them, which is their order in the log.
  for (const array of arrays.values()) {
    skeleton += text(from, array.contentStart);
    from = array.contentEnd;
  }
  // A leading byte order mark stays in the skeleton: parseSarifDocument drops it.
  skeleton += text(from, buffer.length);
  return {
    skeleton,
    *results(runIndex) {
      for (const [start, end] of arrays.get(runIndex)?.slices ?? []) {
        const slice = JSON.parse(`[${text(start, end)}]`) as unknown[];
        for (let index = 0; index < slice.length; index++) {
          const result = slice[index];
          // The slice is the caller's alone: each result is released once it has been taken.
          slice[index] = undefined;
          yield result;
        }
      }
    },
  };
}

/** A cursor over the bytes; each method returns false where they are not what it expects. */
class Scan {
  private at = 0;
  private readonly arrays = new Map<number, ResultsArray>();

  constructor(
    private readonly bytes: Buffer,
    private readonly sliceLength: number,
  ) {}

  /** The results arrays by run index, or undefined when the document is not an ordinary one. */
  document(): Map<number, ResultsArray> | undefined {
    if (this.bytes[0] === 0xef && this.bytes[1] === 0xbb && this.bytes[2] === 0xbf) this.at = 3;
    let runs = false;
    const ok = this.object((name) => {
      if (name !== 'runs') return this.value();
      if (runs) return false;
      runs = true;
      return this.peek() === OPEN_ARRAY ? this.runs() : this.value();
    });
    this.space();
    return ok && this.at === this.bytes.length ? this.arrays : undefined;
  }

  private runs(): boolean {
    let index = 0;
    return this.array(() => {
      const run = index++;
      if (this.peek() !== OPEN_OBJECT) return this.value();
      let results = false;
      return this.object((name) => {
        if (name !== 'results') return this.value();
        if (results) return false;
        results = true;
        return this.peek() === OPEN_ARRAY ? this.results(run) : this.value();
      });
    });
  }

  private results(run: number): boolean {
    const contentStart = this.at + 1;
    const slices: [number, number][] = [];
    let sliceStart = -1;
    let lastEnd = contentStart;
    const ok = this.array(() => {
      if (sliceStart < 0) sliceStart = this.at;
      if (!this.value()) return false;
      lastEnd = this.at;
      if (lastEnd - sliceStart >= this.sliceLength) {
        slices.push([sliceStart, lastEnd]);
        sliceStart = -1;
      }
      return true;
    });
    if (!ok) return false;
    if (sliceStart >= 0) slices.push([sliceStart, lastEnd]);
    this.arrays.set(run, { contentStart, contentEnd: this.at - 1, slices });
    return true;
  }

  /** An object whose members `member` reads, the cursor on each member's value. */
  private object(member: (name: string) => boolean): boolean {
    this.space();
    if (this.peek() !== OPEN_OBJECT) return false;
    if (this.empty(CLOSE_OBJECT)) return true;
    for (;;) {
      if (this.peek() !== QUOTE) return false;
      const start = this.at + 1;
      if (!this.string()) return false;
      // An escaped name might spell "runs" or "results": left to JSON.parse.
      if (this.bytes.subarray(start, this.at - 1).includes(BACKSLASH)) return false;
      const name = this.bytes.toString('latin1', start, this.at - 1);
      this.space();
      if (this.peek() !== COLON) return false;
      this.at += 1;
      this.space();
      if (!member(name)) return false;
      const after = this.next(CLOSE_OBJECT);
      if (after !== 1) return after === 0;
    }
  }

  /** An array whose entries `entry` reads, the cursor on each entry. */
  private array(entry: () => boolean): boolean {
    if (this.empty(CLOSE_ARRAY)) return true;
    for (;;) {
      if (!entry()) return false;
      const after = this.next(CLOSE_ARRAY);
      if (after !== 1) return after === 0;
    }
  }

  /** From an opening bracket: whether `close` follows at once (the cursor then past it). */
  private empty(close: number): boolean {
    this.at += 1;
    this.space();
    if (this.peek() !== close) return false;
    this.at += 1;
    return true;
  }

  /** After an entry: 1 past a comma (another entry follows), 0 past `close`, -1 otherwise. */
  private next(close: number): number {
    this.space();
    const code = this.peek();
    if (code === COMMA) {
      this.at += 1;
      this.space();
      return 1;
    }
    if (code !== close) return -1;
    this.at += 1;
    return 0;
  }

  /** Skips one value of any kind; its content is JSON.parse's to check. */
  private value(): boolean {
    const first = this.peek();
    if (first === QUOTE) return this.string();
    if (first === OPEN_OBJECT || first === OPEN_ARRAY) return this.nested();
    const start = this.at;
    const { bytes } = this;
    while (this.at < bytes.length) {
      const code = bytes[this.at] ?? 0;
      if (code === COMMA || code === CLOSE_OBJECT || code === CLOSE_ARRAY || isSpace(code)) break;
      this.at += 1;
    }
    return this.at > start;
  }

  /** Skips an object or array and everything in it, strings included. */
  private nested(): boolean {
    const end = skipNested(this.bytes, this.at);
    if (end < 0) return false;
    this.at = end;
    return true;
  }

  /** Skips a string, the cursor on its opening quote; false when it is never closed. */
  private string(): boolean {
    const end = skipString(this.bytes, this.at);
    if (end < 0) return false;
    this.at = end;
    return true;
  }

  private space(): void {
    const { bytes } = this;
    while (this.at < bytes.length && isSpace(bytes[this.at] ?? 0)) this.at += 1;
  }

  /** The byte at the cursor, or -1 past the end. */
  private peek(): number {
    return this.bytes[this.at] ?? -1;
  }
}

/**
 * Where the object or array opening at `at` ends (past its closing bracket), or -1. Local
 * variables, not the cursor's fields: this loop reads every character of every result.
 */
function skipNested(bytes: Buffer, at: number): number {
  let depth = 0;
  let index = at;
  const length = bytes.length;
  while (index < length) {
    const code = bytes[index];
    if (code === QUOTE) {
      index = skipString(bytes, index);
      if (index < 0) return -1;
      continue;
    }
    index += 1;
    if (code === OPEN_OBJECT || code === OPEN_ARRAY) depth += 1;
    else if ((code === CLOSE_OBJECT || code === CLOSE_ARRAY) && --depth === 0) return index;
  }
  return -1;
}

/**
 * Where the string opening at `at` ends (past its closing quote), or -1 when it never does. A
 * loop, not Buffer#indexOf: most strings are short, and each indexOf call into Node's binding
 * cost more than reading their bytes (the scan of 100,000 results took 95-110 ms, not 25-40).
 */
function skipString(bytes: Buffer, at: number): number {
  const length = bytes.length;
  let index = at + 1;
  while (index < length) {
    const code = bytes[index];
    if (code === QUOTE) return index + 1;
    // A backslash escapes the byte after it (\" among them).
    index += code === BACKSLASH ? 2 : 1;
  }
  return -1;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
