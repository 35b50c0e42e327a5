// bench/compare.mjs: `npm run bench:compare OLD NEW`.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  compareReports,
  formatComparison,
  parseTolerance,
  toBenchReport,
  type BenchReport,
  type Figure,
} from '../../../bench/compare.mjs';

const figure = (name: string, value: number, better: 'lower' | 'higher' = 'lower'): Figure => ({
  name,
  value,
  unit: better === 'lower' ? 'ms' : '%',
  better,
});
const report = (...figures: Figure[]): BenchReport => ({ figures });

describe('benchmark comparison (bench/compare.mjs)', () => {
  it('a figure 30% slower regresses at the default 25% tolerance; 20% slower does not', () => {
    const old = report(figure('import', 1000), figure('activation', 10));
    const result = compareReports(old, report(figure('import', 1300), figure('activation', 12)));
    assert.deepEqual(
      result.rows.map((row) => [row.name, row.status, row.ratio]),
      [
        ['import', 'regressed', 1.3],
        ['activation', 'ok', 1.2],
      ],
    );
    assert.equal(result.failed, true);
  });

  it('the tolerance is a setting', () => {
    const old = report(figure('import', 1000));
    const slower = report(figure('import', 1300));
    assert.equal(compareReports(old, slower, { tolerance: 0.5 }).failed, false);
    assert.equal(
      compareReports(old, report(figure('import', 1060)), { tolerance: 0.05 }).failed,
      true,
    );
  });

  it('where higher is better, a drop is the regression and a rise the improvement', () => {
    const old = report(figure('validations connected', 100, 'higher'));
    assert.equal(
      compareReports(old, report(figure('validations connected', 70, 'higher'))).rows[0]?.status,
      'regressed',
    );
    assert.equal(
      compareReports(old, report(figure('validations connected', 130, 'higher'))).rows[0]?.status,
      'improved',
    );
  });

  it('a much faster figure is "improved" and passes', () => {
    const result = compareReports(report(figure('a', 100)), report(figure('a', 50)));
    assert.equal(result.rows[0]?.status, 'improved');
    assert.equal(result.failed, false);
  });

  it('a figure missing from NEW fails unless allowed; a figure only in NEW is listed as new', () => {
    const old = report(figure('a', 1), figure('b', 1));
    const current = report(figure('a', 1), figure('c', 1));
    const result = compareReports(old, current);
    assert.deepEqual(
      result.rows.map((row) => [row.name, row.status]),
      [
        ['a', 'ok'],
        ['b', 'missing'],
        ['c', 'new'],
      ],
    );
    assert.equal(result.failed, true);
    assert.equal(compareReports(old, current, { allowMissing: true }).failed, false);
  });

  it('a changed unit cannot be compared and fails', () => {
    const result = compareReports(report(figure('a', 1)), report({ ...figure('a', 1), unit: 's' }));
    assert.equal(result.rows[0]?.status, 'unit changed');
    assert.equal(result.failed, true);
  });

  it('zero to zero is unchanged; zero to something is infinitely worse', () => {
    assert.equal(
      compareReports(report(figure('a', 0)), report(figure('a', 0))).rows[0]?.status,
      'ok',
    );
    assert.equal(
      compareReports(report(figure('a', 0)), report(figure('a', 3))).rows[0]?.status,
      'regressed',
    );
  });

  it('prints one line per figure with the ratio, and the verdict', () => {
    const text = formatComparison(
      compareReports(report(figure('import', 1000)), report(figure('import', 1300))),
    );
    const lines = text.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^figure\s+unit\s+better\s+old\s+new\s+new\/old\s+status$/);
    assert.match(lines[2] ?? '', /^import\s+ms\s+lower\s+1,000\s+1,300\s+1\.3×\s+REGRESSED$/);
    assert.match(
      lines.at(-1) ?? '',
      /^FAIL: 1 regressed, 0 missing, 0 with a changed unit \(tolerance 25%\)$/,
    );
  });

  it('tolerances: 25%, 0.25; anything else is a clear error', () => {
    assert.equal(parseTolerance('25%'), 0.25);
    assert.equal(parseTolerance('0.1'), 0.1);
    assert.throws(() => parseTolerance('-5%'), /give a fraction \(0\.25\) or a percentage \(25%\)/);
    assert.throws(() => parseTolerance('fast'), /--tolerance "fast"/);
  });

  it('a file that is not a bench report is named in the error', () => {
    assert.throws(
      () => toBenchReport({ figures: [{ name: 'a' }] }, 'old.json'),
      /old\.json: figure "a" has no numeric value/,
    );
    assert.throws(() => toBenchReport([], 'new.json'), /new\.json: not a JSON object/);
  });

  it('the command exits 1 on a regression, 0 without, 2 on bad arguments', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'openpypi-bench-compare-'));
    try {
      const oldFile = path.join(folder, 'old.json');
      const newFile = path.join(folder, 'new.json');
      writeFileSync(oldFile, JSON.stringify(report(figure('import', 1000))));
      writeFileSync(newFile, JSON.stringify(report(figure('import', 1400))));
      const script = path.resolve(__dirname, '../../../bench/compare.mjs');
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
      const failed = run(oldFile, newFile);
      assert.equal(failed.status, 1);
      assert.match(failed.stdout, /REGRESSED/);
      assert.equal(run(oldFile, newFile, '--tolerance', '50%').status, 0);
      const bad = run(oldFile);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /give two reports, got 1/);
      // The committed report compares equal to itself.
      const latest = path.resolve(__dirname, '../../../bench/results/latest.json');
      assert.match(
        execFileSync(process.execPath, [script, latest, latest], { encoding: 'utf8' }),
        /^OK: /m,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
