// bench/runFigures.mjs: what each benchmark prints, turned into report figures.
import * as assert from 'node:assert/strict';
import {
  editorFigures,
  lastJsonObject,
  providersFigures,
  sarifImportFigures,
  scanOverheadFigures,
} from '../../../bench/runFigures.mjs';

describe('benchmark outputs to figures (bench/runFigures.mjs)', () => {
  it('reads the last JSON object of an output that has log lines before it', () => {
    const output =
      'building…\n{ "not": "this" }\nmore log\n{\n  "figures": [1],\n  "nested": { "a": 1 }\n}\n';
    assert.deepEqual(lastJsonObject(output, 'x'), { figures: [1], nested: { a: 1 } });
    assert.throws(
      () => lastJsonObject('no json here', 'sarifImport'),
      /sarifImport: no JSON object at the end/,
    );
  });

  it('editorBench: activation, bundle size, and the three import figures per size', () => {
    const figures = editorFigures({
      activation: { medianMs: 12.3, bundleKb: 281.6 },
      import: {
        '10000': { medianMs: 900, longestBlockMs: 40, rssGrowthMb: 20 },
        '100000': { medianMs: 1400, longestBlockMs: 90, rssGrowthMb: 120 },
      },
    });
    assert.equal(figures.length, 8);
    assert.deepEqual(figures[0], {
      benchmark: 'editor',
      name: 'activation in the real extension host (loading + activate()), code cache present, median of 5',
      value: 12.3,
      unit: 'ms',
      better: 'lower',
      target: 20,
    });
    assert.deepEqual(
      figures.filter((f) => f.target !== undefined).map((f) => [f.value, f.target]),
      [
        [12.3, 20],
        [281.6, 300],
        [1400, 1500],
        [90, 100],
        [120, 150],
      ],
    );
    assert.throws(
      () => editorFigures({ activation: { medianMs: 'fast' } }),
      /activation\.medianMs: expected a number/,
    );
  });

  it('editorBench: the parts of the activation and its first start, without targets, when measured', () => {
    const figures = editorFigures({
      activation: {
        medianMs: 30,
        medianLoadMs: 18,
        medianActivateMs: 13,
        firstStartMedianMs: 41,
        bundleKb: 60,
      },
    });
    assert.deepEqual(
      figures.map((f) => [f.name, f.value, f.target]),
      [
        [
          'activation in the real extension host (loading + activate()), code cache present, median of 5',
          30,
          20,
        ],
        ['activation: loading dist/main.js', 18, undefined],
        ['activation: activate(), dist/extension.js from its code cache included', 13, undefined],
        ["activation on a version's first start (no code cache yet), median of 5", 41, undefined],
        ['`dist/extension.js` (production bundle)', 60, 300],
      ],
    );
  });

  it("editorBench: the block target holds for the worst of the imports' longest blocks when each is reported", () => {
    const figures = editorFigures({
      import: {
        '100000': {
          medianMs: 1200,
          longestBlockMs: 60,
          longestBlocksMs: [85, 45, 60],
          rssGrowthMb: 100,
        },
      },
    });
    assert.deepEqual(
      figures.map((f) => [f.name, f.value, f.target]),
      [
        ['Import SARIF 100k results: all diagnostics present, median of 3', 1200, 1500],
        ['Import SARIF 100k results: longest extension-host block', 60, undefined],
        [
          'Import SARIF 100k results: longest extension-host block in any of the 3 imports',
          85,
          100,
        ],
        ['Import SARIF 100k results: extension-host RSS growth', 100, 150],
      ],
    );
    assert.throws(
      () =>
        editorFigures({
          import: {
            '100000': {
              medianMs: 1,
              longestBlockMs: 1,
              longestBlocksMs: [1, 'long'],
              rssGrowthMb: 1,
            },
          },
        }),
      /import\.100000\.longestBlocksMs: expected a number/,
    );
  });

  it("editorBench: an import's first run and its page faults, without targets, when reported", () => {
    const figures = editorFigures({
      import: {
        '100000': {
          medianMs: 1600,
          runsMs: [2800, 1600, 1300],
          longestBlockMs: 90,
          rssGrowthMb: 120,
          minorPageFaults: 40000,
        },
      },
    });
    assert.deepEqual(
      figures.map((f) => [f.name, f.value, f.target]),
      [
        ['Import SARIF 100k results: all diagnostics present, median of 3', 1600, 1500],
        ["Import SARIF 100k results: the window's first import", 2800, undefined],
        ['Import SARIF 100k results: longest extension-host block', 90, 100],
        ['Import SARIF 100k results: extension-host RSS growth', 120, 150],
        ['Import SARIF 100k results: extension-host minor page faults', 40000, undefined],
      ],
    );
    assert.throws(
      () =>
        editorFigures({
          import: {
            '100000': { medianMs: 1, runsMs: ['slow'], longestBlockMs: 1, rssGrowthMb: 1 },
          },
        }),
      /import\.100000\.runsMs\[0\]: expected a number/,
    );
  });

  it('editorBench: the main-thread CPU figures of an import, without targets, when measured', () => {
    const figures = editorFigures({
      import: {
        '100000': {
          medianMs: 4000,
          longestBlockMs: 300,
          rssGrowthMb: 90,
          hostCpuMs: 1200,
          longestBlockCpuMs: 45,
        },
      },
    });
    assert.deepEqual(
      figures.map((f) => [f.name, f.value, f.target]),
      [
        ['Import SARIF 100k results: all diagnostics present, median of 3', 4000, 1500],
        ['Import SARIF 100k results: longest extension-host block', 300, 100],
        ['Import SARIF 100k results: extension-host RSS growth', 90, 150],
        ['Import SARIF 100k results: extension-host main-thread CPU', 1200, undefined],
        ['Import SARIF 100k results: longest main-thread CPU stretch', 45, undefined],
      ],
    );
  });

  it("editorBench: the main thread's garbage collection figures, without targets, when reported", () => {
    const figures = editorFigures({
      import: {
        '100000': {
          medianMs: 1400,
          longestBlockMs: 110,
          rssGrowthMb: 90,
          gcMs: 420,
          longestMinorGcMs: 95,
        },
      },
    });
    assert.deepEqual(
      figures.slice(3).map((f) => [f.name, f.value, f.unit, f.target]),
      [
        [
          'Import SARIF 100k results: extension-host main-thread garbage collection',
          420,
          'ms',
          undefined,
        ],
        ['Import SARIF 100k results: longest young-generation collection', 95, 'ms', undefined],
      ],
    );
    assert.throws(
      () =>
        editorFigures({
          import: {
            '100000': { medianMs: 1, longestBlockMs: 1, rssGrowthMb: 1, gcMs: 3 },
          },
        }),
      /import\.100000\.longestMinorGcMs: expected a number/,
    );
  });

  it('editorBench: the diagnostics floor of a size, without targets, beside the import', () => {
    const floor = { medianMs: 400, longestBlockMs: 48, longestMinorGcMs: 36, rssGrowthMb: 69 };
    const figures = editorFigures({ floor: { '100000': floor } });
    assert.deepEqual(
      figures.map((f) => [f.name, f.value, f.unit, f.target]),
      [
        ['all diagnostics present, median of 3', 400, 'ms'],
        ['longest extension-host block', 48, 'ms'],
        ['longest young-generation collection', 36, 'ms'],
        ['extension-host RSS growth', 69, 'MB'],
      ].map(([name, value, unit]) => [
        `Diagnostics floor 100k results: ${String(name)}`,
        value,
        unit,
        undefined,
      ]),
    );
    assert.throws(
      () => editorFigures({ floor: { '10000': { ...floor, longestMinorGcMs: 'short' } } }),
      /floor\.10000\.longestMinorGcMs: expected a number/,
    );
  });

  it('sarifImport: time and peak memory per size, targets on 100k', () => {
    const figures = sarifImportFigures({
      figures: [
        { results: 10_000, medianMs: 300, medianPeakRssMb: 110, runs: 5 },
        { results: 100_000, medianMs: 1900, medianPeakRssMb: 290, runs: 5 },
      ],
    });
    assert.deepEqual(
      figures.map((f) => [f.name, f.value, f.target]),
      [
        ['CLI SARIF import+merge+write 10k results, median of 5', 300, undefined],
        ['CLI SARIF import+merge+write 10k results: peak RSS', 110, undefined],
        ['CLI SARIF import+merge+write 100k results, median of 5', 1900, 2000],
        ['CLI SARIF import+merge+write 100k results: peak RSS', 290, 300],
      ],
    );
  });

  it('scanOverhead: warm and cold ratios against the target, and Bandit alone', () => {
    const figures = scanOverheadFigures({
      tree: { copiesOfDemo: 50, pythonFiles: 250 },
      runs: 5,
      medianMs: { banditByHand: 550, openpypiScanWarm: 600, openpypiScanCold: 900 },
      ratioWarm: 1.09,
      ratioCold: 1.6,
      target: 1.1,
    });
    assert.deepEqual(
      figures.map((f) => [f.value, f.unit, f.target]),
      [
        [1.09, '×', 1.1],
        [1.6, '×', 1.1],
        [550, 'ms', undefined],
      ],
    );
  });

  it('providers: each figure read from its sentence; a missing one is named', () => {
    const output = [
      'provider construction (registry + AiProvider.create, no network): 4.60 µs each (seed: 311 µs)',
      'cached status lookup (registry.status): 9.9 ns each (seed: 117 ns)',
      '100 concurrent Validate calls: 100/100 connected (100%), 1 GET /v1/models, 194 ms wall (seed: over 80%)',
      'dist/ai-runtime.js (openai SDK, tokenizer, prices, loaded on first use): 4592 KiB, require 327 ms',
    ].join('\n');
    assert.deepEqual(
      providersFigures(output).map((f) => [f.value, f.unit, f.better]),
      [
        [4.6, 'µs', 'lower'],
        [9.9, 'ns', 'lower'],
        [100, '%', 'higher'],
        [194, 'ms', 'lower'],
        [4592, 'KB', 'lower'],
        [327, 'ms', 'lower'],
      ],
    );
    assert.throws(
      () => providersFigures('nothing'),
      /providers: no line with the construction time/,
    );
  });
});
