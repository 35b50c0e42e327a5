const BLOCK_SIZE = 100;
const MULTIPLIER = 37;
const END_OF_FILE = 65535;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;

/** MULTIPLIER to the power BLOCK_SIZE, modulo 2^64 (computed once with BigInt). */
const OUTGOING_WEIGHT = (() => {
  let weight = 1n;
  for (let i = 0; i < BLOCK_SIZE; i += 1) {
    weight = (weight * BigInt(MULTIPLIER)) % (1n << 64n);
  }
  return weight;
})();

/**
 * OUTGOING_WEIGHT times each UTF-16 code unit, modulo 2^64, as four 16-bit limbs (lowest
 * first), filled in as code units are met.
 */
const TERMS = [0, 1, 2, 3].map(() => new Uint16Array(65536));
const TERM_KNOWN = new Uint8Array(65536);

function learnTerm(code: number): void {
  let product = (OUTGOING_WEIGHT * BigInt(code)) % (1n << 64n);
  for (const limbs of TERMS) {
    limbs[code] = Number(product & 0xffffn);
    product >>= 16n;
  }
  TERM_KNOWN[code] = 1;
}

/**
 * GitHub code scanning's `primaryLocationLineHash` for every line of a file, as the upload
 * action computes it: a rolling hash over the next 100 characters from the start of each line,
 * spaces and tabs skipped and line endings normalised, suffixed with `:n` for the n-th line with
 * the same hash. Index 0 of the returned array is line 1.
 */
export function lineHashes(text: string): string[] {
  // One flat loop in 32-bit integer arithmetic: it runs over every character of every flagged
  // file. The 64-bit hash is kept as four 16-bit limbs.
  const [term0, term1, term2, term3] = TERMS as [
    Uint16Array,
    Uint16Array,
    Uint16Array,
    Uint16Array,
  ];
  const window = new Uint16Array(BLOCK_SIZE);
  const lineAt = new Int32Array(BLOCK_SIZE).fill(-1);
  const hashes: string[] = [];
  const counts = new Map<string, number>();
  let h0 = 0;
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let index = 0;
  let line = 0;
  let atLineStart = true;
  let afterCarriageReturn = false;
  const length = text.length;
  // Positions past the end feed END_OF_FILE once, then BLOCK_SIZE zeros that only flush lines.
  for (let position = 0; position <= length + BLOCK_SIZE; position += 1) {
    let code: number;
    if (position < length) {
      code = text.charCodeAt(position);
      if (code === SPACE || code === TAB || (afterCarriageReturn && code === LINE_FEED)) {
        afterCarriageReturn = false;
        continue;
      }
      afterCarriageReturn = code === CARRIAGE_RETURN;
      if (afterCarriageReturn) {
        code = LINE_FEED;
      }
    } else {
      code = position === length ? END_OF_FILE : 0;
    }
    const lineHere = lineAt[index] ?? -1;
    if (lineHere !== -1) {
      const high = h3 * 65536 + h2;
      const low = h1 * 65536 + h0;
      const value =
        high === 0 ? low.toString(16) : high.toString(16) + low.toString(16).padStart(8, '0');
      const count = (counts.get(value) ?? 0) + 1;
      counts.set(value, count);
      hashes[lineHere - 1] = `${value}:${count}`;
      lineAt[index] = -1;
    }
    if (position <= length) {
      if (atLineStart) {
        atLineStart = false;
        line += 1;
        lineAt[index] = line;
      }
      if (code === LINE_FEED) {
        atLineStart = true;
      }
    }
    // hash = 37 * hash + code - weight * outgoing (mod 2^64), limb by limb with signed carries.
    const outgoing = window[index] ?? 0;
    window[index] = code;
    if (TERM_KNOWN[outgoing] === 0) {
      learnTerm(outgoing);
    }
    let t = h0 * MULTIPLIER + code - (term0[outgoing] ?? 0);
    h0 = t & 0xffff;
    t = h1 * MULTIPLIER + (t >> 16) - (term1[outgoing] ?? 0);
    h1 = t & 0xffff;
    t = h2 * MULTIPLIER + (t >> 16) - (term2[outgoing] ?? 0);
    h2 = t & 0xffff;
    t = h3 * MULTIPLIER + (t >> 16) - (term3[outgoing] ?? 0);
    h3 = t & 0xffff;
    index = index + 1 === BLOCK_SIZE ? 0 : index + 1;
  }
  return hashes;
}
