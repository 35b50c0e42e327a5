// bench/report.mjs: the README's performance table from a bench report.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchReport } from '../../../bench/compare.mjs';
import {
  endMarker,
  machineLine,
  meetsTarget,
  readmeSection,
  replaceBenchSection,
  startMarker,
} from '../../../bench/report.mjs';

const report: BenchReport = {
  date: '2026-11-25T19:30:46.497Z',
  commit: 'a47bca284ea881a40e1de9f9d8a7e078a1dd058d',
  uncommittedChanges: false,
  machine: {
    os: 'Linux 6.18 x64',
    cpus: 2,
    cpuModel: 'AMD EPYC',
    memoryGiB: 23.5,
    loadAverageAtStart: [7.76, 7.14, 8.21],
    node: 'v20.20.2',
  },
  figures: [
    { name: 'activate()', value: 12.5, unit: 'ms', better: 'lower', target: 20 },
    { name: 'import 100k', value: 2500, unit: 'ms', better: 'lower', target: 2000 },
    { name: 'validations | connected', value: 100, unit: '%', better: 'higher', target: 100 },
    { name: 'scan ratio', value: 1.05, unit: '×', better: 'lower' },
  ],
  failures: [{ benchmark: 'editor', error: 'activation run 0 failed: timeout\nstack' }],
};

describe('README performance table (bench/report.mjs)', () => {
  it('one row per figure: target, measured, and whether the target is met', () => {
    const section = readmeSection(report);
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    assert.deepEqual(rows, [
      '| figure | target | measured |',
      '| activate() | ≤ 20 ms | 12.5 ms ✓ |',
      '| import 100k | ≤ 2,000 ms | 2,500 ms ✗ |',
      '| validations \\| connected | ≥ 100% | 100% ✓ |',
      '| scan ratio | — | 1.05× |',
    ]);
  });

  it('names the machine, the commit and the load average at the start', () => {
    assert.equal(
      machineLine(report),
      'Measured 2026-11-25 at commit `a47bca2` on 2 × AMD EPYC, 23.5 GiB, Linux 6.18 x64, Node v20.20.2; load average 7.76 / 7.14 / 8.21 (1/5/15 min) at the start: the machine is shared with other jobs, so figures are noisy.',
    );
    assert.match(readmeSection(report), /^Measured 2026-11-25/);
    assert.match(
      machineLine({
        ...report,
        machine: { ...report.machine, uptimeHours: 21.5, freshPageUs: 12.25 },
      }),
      /Node v20\.20\.2; up 21\.5 h, a fresh page of memory 12\.25 µs, load average 7\.76/,
    );
  });

  it('lists the benchmarks that were not measured, with the first line of their error', () => {
    assert.match(
      readmeSection(report),
      /^- Not measured in this run: editor \(activation run 0 failed: timeout\)$/m,
    );
  });

  it('meets its target: at or below for "lower", at or above for "higher"; no target, no verdict', () => {
    assert.equal(
      meetsTarget({ name: 'a', value: 20, unit: 'ms', better: 'lower', target: 20 }),
      true,
    );
    assert.equal(
      meetsTarget({ name: 'a', value: 99, unit: '%', better: 'higher', target: 100 }),
      false,
    );
    assert.equal(meetsTarget({ name: 'a', value: 1, unit: 'ms', better: 'lower' }), undefined);
  });

  it('replaces only the text between the markers', () => {
    const readme = `# Title\n\n## Performance\n\n${startMarker}\n\nold table\n\n${endMarker}\n\n## Next\n`;
    assert.equal(
      replaceBenchSection(readme, 'new table'),
      `# Title\n\n## Performance\n\n${startMarker}\n\nnew table\n\n${endMarker}\n\n## Next\n`,
    );
  });

  it('missing or repeated markers are an error saying what to add', () => {
    assert.throws(
      () => replaceBenchSection('# no markers\n', 'x'),
      /README has no <!-- bench:start --> marker/,
    );
    assert.throws(
      () => replaceBenchSection(`${startMarker}\n${endMarker}\n${startMarker}\n`, 'x'),
      /must hold <!-- bench:start --> once/,
    );
    assert.throws(
      () => replaceBenchSection(`${endMarker}\n${startMarker}\n`, 'x'),
      /once, followed by/,
    );
  });

  it("the README's table is the one generated from the committed report", () => {
    const root = path.resolve(__dirname, '../../..');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const latest = JSON.parse(
      readFileSync(path.join(root, 'bench/results/latest.json'), 'utf8'),
    ) as BenchReport;
    const between = readme.slice(readme.indexOf(startMarker), readme.indexOf(endMarker));
    assert.ok(
      between.includes(machineLine(latest)),
      'the machine line of bench/results/latest.json',
    );
    for (const figure of latest.figures)
      assert.ok(between.includes(figure.name.replaceAll('|', '\\|')), figure.name);
  });
});
