// `npm run bench:compare OLD NEW [--tolerance 25%] [--allow-missing]`: the ratio NEW/OLD of
// every figure of two `npm run bench` reports, matched by name. A figure regresses when it got
// worse by more than the tolerance: NEW/OLD > 1 + tolerance for a figure where lower is better,
// OLD/NEW > 1 + tolerance where higher is better. Default tolerance 25%: the machine is shared
// and noisy. A figure of OLD missing from NEW (a benchmark that failed or was dropped) fails the
// comparison too, unless --allow-missing; figures only in NEW are listed as new.
// Exit code: 0 no regression, 1 a regression or a missing figure, 2 bad arguments or reports.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const defaultTolerance = 0.25;

/**
 * @typedef {{ benchmark?: string, name: string, value: number, unit: string,
 *   better: 'lower' | 'higher', target?: number }} Figure
 * @typedef {{ date?: string, commit?: string, machine?: Record<string, unknown>,
 *   figures: Figure[], failures?: { benchmark: string, error: string }[] }} BenchReport
 * @typedef {'ok' | 'improved' | 'regressed' | 'missing' | 'new' | 'unit changed'} Status
 * @typedef {{ name: string, unit: string, better: 'lower' | 'higher', old?: number,
 *   new?: number, ratio?: number, status: Status }} ComparisonRow
 */

/**
 * Checks the shape of a parsed report; the error names the file and the first bad figure.
 * @param {unknown} json
 * @param {string} source named in errors (a file name)
 * @returns {BenchReport}
 */
export function toBenchReport(json, source) {
  const fail = (/** @type {string} */ what) => {
    throw new Error(`${source}: ${what} (expected a report written by \`npm run bench\`)`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('not a JSON object');
  const figures = /** @type {{ figures?: unknown }} */ (json).figures;
  if (!Array.isArray(figures)) return fail('no "figures" array');
  figures.forEach((figure, index) => {
    const f = /** @type {Record<string, unknown>} */ (figure ?? {});
    if (typeof f.name !== 'string' || f.name === '') fail(`figures[${index}] has no name`);
    if (typeof f.value !== 'number' || !Number.isFinite(f.value)) {
      fail(`figure "${String(f.name)}" has no numeric value`);
    }
    if (typeof f.unit !== 'string') fail(`figure "${String(f.name)}" has no unit`);
    if (f.better !== 'lower' && f.better !== 'higher') {
      fail(`figure "${String(f.name)}": "better" must be "lower" or "higher"`);
    }
  });
  return /** @type {BenchReport} */ (json);
}

/**
 * @param {string} file
 * @returns {BenchReport}
 */
export function readBenchReport(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file}: not JSON (${error instanceof Error ? error.message : String(error)}); expected a report written by \`npm run bench\``,
    );
  }
  return toBenchReport(json, file);
}

/**
 * "25%", "25 %" or "0.25" to 0.25.
 * @param {string} text
 */
export function parseTolerance(text) {
  const percent = /^\s*([\d.]+)\s*%\s*$/.exec(text);
  const value = percent?.[1] !== undefined ? Number(percent[1]) / 100 : Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new Error(
      `--tolerance ${JSON.stringify(text)}: give a fraction (0.25) or a percentage (25%), not negative`,
    );
  }
  return value;
}

/**
 * How many times worse NEW is than OLD (above 1: worse, below 1: better).
 * @param {number} oldValue
 * @param {number} newValue
 * @param {'lower' | 'higher'} better
 */
function worseBy(oldValue, newValue, better) {
  const [numerator, denominator] = better === 'lower' ? [newValue, oldValue] : [oldValue, newValue];
  if (numerator === denominator) return 1;
  if (denominator === 0) return numerator > 0 ? Infinity : 0;
  return numerator / denominator;
}

/**
 * @param {BenchReport} oldReport
 * @param {BenchReport} newReport
 * @param {{ tolerance?: number, allowMissing?: boolean }} [options]
 * @returns {{ rows: ComparisonRow[], failed: boolean, tolerance: number }}
 */
export function compareReports(oldReport, newReport, options = {}) {
  const tolerance = options.tolerance ?? defaultTolerance;
  const newByName = new Map(newReport.figures.map((figure) => [figure.name, figure]));
  const oldNames = new Set(oldReport.figures.map((figure) => figure.name));
  /** @type {ComparisonRow[]} */
  const rows = oldReport.figures.map((old) => {
    const current = newByName.get(old.name);
    const base = { name: old.name, unit: old.unit, better: old.better, old: old.value };
    if (current === undefined) return { ...base, status: 'missing' };
    if (current.unit !== old.unit || current.better !== old.better) {
      return { ...base, new: current.value, status: 'unit changed' };
    }
    const ratio =
      old.value === 0 ? (current.value === 0 ? 1 : Infinity) : current.value / old.value;
    const worse = worseBy(old.value, current.value, old.better);
    /** @type {Status} */
    const status =
      worse > 1 + tolerance ? 'regressed' : worse < 1 / (1 + tolerance) ? 'improved' : 'ok';
    return { ...base, new: current.value, ratio, status };
  });
  for (const figure of newReport.figures) {
    if (!oldNames.has(figure.name)) {
      rows.push({
        name: figure.name,
        unit: figure.unit,
        better: figure.better,
        new: figure.value,
        status: 'new',
      });
    }
  }
  const failed = rows.some(
    (row) =>
      row.status === 'regressed' ||
      row.status === 'unit changed' ||
      (row.status === 'missing' && options.allowMissing !== true),
  );
  return { rows, failed, tolerance };
}

/** @param {number | undefined} value */
const show = (value) =>
  value === undefined
    ? '—'
    : value === Infinity
      ? '∞'
      : value.toLocaleString('en-US', { maximumFractionDigits: 3 });

/**
 * The comparison as an aligned text table with a closing verdict line.
 * @param {{ rows: ComparisonRow[], failed: boolean, tolerance: number }} comparison
 */
export function formatComparison(comparison) {
  const header = ['figure', 'unit', 'better', 'old', 'new', 'new/old', 'status'];
  const lines = comparison.rows.map((row) => [
    row.name,
    row.unit,
    row.better,
    show(row.old),
    show(row.new),
    row.ratio === undefined ? '—' : `${show(Math.round(row.ratio * 1000) / 1000)}×`,
    row.status === 'regressed' ? 'REGRESSED' : row.status,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (/** @type {string[]} */ cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const count = (/** @type {Status} */ status) =>
    comparison.rows.filter((row) => row.status === status).length;
  const verdict = comparison.failed
    ? `FAIL: ${count('regressed')} regressed, ${count('missing')} missing, ${count('unit changed')} with a changed unit (tolerance ${Math.round(comparison.tolerance * 100)}%)`
    : `OK: no figure worse by more than ${Math.round(comparison.tolerance * 100)}% (${count('improved')} improved, ${count('missing')} missing, ${count('new')} new)`;
  return [
    format(header),
    format(widths.map((w) => '-'.repeat(w))),
    ...lines.map(format),
    '',
    verdict,
  ]
    .join('\n')
    .concat('\n');
}

/** @param {string[]} args */
export function runCompare(args) {
  const usage =
    'usage: npm run bench:compare -- OLD.json NEW.json [--tolerance 25%] [--allow-missing]';
  /** @type {string[]} */
  const files = [];
  let tolerance = defaultTolerance;
  let allowMissing = false;
  for (let i = 0; i < args.length; i++) {
    const arg = /** @type {string} */ (args[i]);
    if (arg === '--tolerance') {
      const value = args[++i];
      if (value === undefined) throw new Error(`--tolerance needs a value\n${usage}`);
      tolerance = parseTolerance(value);
    } else if (arg.startsWith('--tolerance=')) {
      tolerance = parseTolerance(arg.slice('--tolerance='.length));
    } else if (arg === '--allow-missing') {
      allowMissing = true;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}\n${usage}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 2) throw new Error(`give two reports, got ${files.length}\n${usage}`);
  const [oldFile, newFile] = /** @type {[string, string]} */ (files);
  return compareReports(readBenchReport(oldFile), readBenchReport(newFile), {
    tolerance,
    allowMissing,
  });
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
) {
  try {
    const comparison = runCompare(process.argv.slice(2));
    process.stdout.write(formatComparison(comparison));
    process.exitCode = comparison.failed ? 1 : 0;
  } catch (error) {
    console.error(`bench:compare: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
