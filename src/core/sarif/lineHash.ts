const BLOCK_SIZE = 100;
const MODULUS = 1n << 64n;
const MULTIPLIER = 37n;
const END_OF_FILE = 65535;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;

/** MULTIPLIER to the power BLOCK_SIZE, modulo 2^64. */
const OUTGOING_WEIGHT = (() => {
  let weight = 1n;
  for (let i = 0; i < BLOCK_SIZE; i += 1) {
    weight = (weight * MULTIPLIER) % MODULUS;
  }
  return weight;
})();

/**
 * GitHub code scanning's `primaryLocationLineHash` for every line of a file, as the upload
 * action computes it: a rolling hash over the next 100 characters from the start of each line,
 * spaces and tabs skipped and line endings normalised, suffixed with `:n` for the n-th line with
 * the same hash. Index 0 of the returned array is line 1.
 */
export function lineHashes(text: string): string[] {
  const window = new Array<number>(BLOCK_SIZE).fill(0);
  const lineAt = new Array<number>(BLOCK_SIZE).fill(-1);
  const hashes: string[] = [];
  const counts = new Map<string, number>();
  let hash = 0n;
  let index = 0;
  let line = 0;
  let atLineStart = true;
  let afterCarriageReturn = false;

  const emit = (): void => {
    const value = hash.toString(16);
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    hashes[(lineAt[index] ?? 0) - 1] = `${value}:${count}`;
    lineAt[index] = -1;
  };
  const push = (code: number): void => {
    const outgoing = window[index] ?? 0;
    window[index] = code;
    hash = (MULTIPLIER * hash + BigInt(code) - OUTGOING_WEIGHT * BigInt(outgoing)) % MODULUS;
    if (hash < 0n) {
      hash += MODULUS;
    }
    index = (index + 1) % BLOCK_SIZE;
  };
  const take = (input: number): void => {
    let code = input;
    if (code === SPACE || code === TAB || (afterCarriageReturn && code === LINE_FEED)) {
      afterCarriageReturn = false;
      return;
    }
    afterCarriageReturn = code === CARRIAGE_RETURN;
    if (afterCarriageReturn) {
      code = LINE_FEED;
    }
    if (lineAt[index] !== -1) {
      emit();
    }
    if (atLineStart) {
      atLineStart = false;
      line += 1;
      lineAt[index] = line;
    }
    if (code === LINE_FEED) {
      atLineStart = true;
    }
    push(code);
  };

  for (let i = 0; i < text.length; i += 1) {
    take(text.charCodeAt(i));
  }
  take(END_OF_FILE);
  for (let i = 0; i < BLOCK_SIZE; i += 1) {
    if (lineAt[index] !== -1) {
      emit();
    }
    push(0);
  }
  return hashes;
}
