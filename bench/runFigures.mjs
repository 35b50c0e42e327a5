// Turns what each benchmark prints into figures for the one report of `npm run bench`:
// { benchmark, name, value, unit, better: 'lower' | 'higher', target? }. A figure with a
// target meets it when value <= target (better 'lower') or value >= target (better 'higher').
// Figure names are stable: `npm run bench:compare` matches the figures of two reports by name.

/**
 * The last top-level JSON object in a text (a benchmark's stdout may hold log lines first).
 * @param {string} text
 * @param {string} benchmark named in the error
 * @returns {unknown}
 */
export function lastJsonObject(text, benchmark) {
  // A top-level object starts with "{" at the beginning of a line and runs to the end.
  const starts = [...text.matchAll(/^\{/gm)].map((match) => match.index);
  for (const start of starts.reverse()) {
    try {
      return JSON.parse(text.slice(start));
    } catch {
      // Not the start of the final object: try the previous one.
    }
  }
  throw new Error(
    `${benchmark}: no JSON object at the end of its output (the benchmark printed ${text.length} characters; run it by hand to see why)`,
  );
}

/**
 * @param {unknown} value
 * @param {string} where named in the error
 * @returns {number}
 */
function number(value, where) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${where}: expected a number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * @param {unknown} value
 * @param {string} where
 * @returns {Record<string, unknown>}
 */
function object(value, where) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected an object, got ${JSON.stringify(value)}`);
  }
  return /** @type {Record<string, unknown>} */ (value);
}

const editorBenchmark = 'editor';

/**
 * Each size of an editor benchmark's section (`import`, `floor`) that the report holds, with its
 * label and its run; `where` names the section in errors.
 * @param {Record<string, unknown>} section
 * @param {string} where
 * @returns {Generator<[string, string, Record<string, unknown>]>}
 */
function* sizeRuns(section, where) {
  for (const [results, label] of [
    ['10000', '10k'],
    ['100000', '100k'],
  ]) {
    if (section[results] === undefined) continue;
    yield [results, label, object(section[results], `editorBench ${where}.${results}`)];
  }
}

/**
 * The maker of one editor benchmark size's figures: each named after `prefix`, its value from
 * `field` of `run` (`where.field` named in the error when it is not a number), lower is better,
 * the target kept only when `withTargets` (the 100k size, where the issue sets them).
 * @param {string} prefix
 * @param {Record<string, unknown>} run
 * @param {string} where
 * @param {boolean} [withTargets]
 */
function sizeFigure(prefix, run, where, withTargets = false) {
  /**
   * @param {string} name
   * @param {string} field
   * @param {string} unit
   * @param {number} [target]
   * @param {unknown} [value]
   */
  return (name, field, unit, target, value = run[field]) => ({
    benchmark: editorBenchmark,
    name: `${prefix}: ${name}`,
    value: number(value, `${where}.${field}`),
    unit,
    better: /** @type {const} */ ('lower'),
    ...(withTargets && target !== undefined ? { target } : {}),
  });
}

/**
 * Figures of `node bench/editorBench.mjs activation import floor --out FILE` (its JSON report).
 * @param {unknown} json
 */
export function editorFigures(json) {
  const benchmark = editorBenchmark;
  const report = object(json, 'editorBench report');
  const figures = [];
  if (report.activation !== undefined) {
    const activation = object(report.activation, 'editorBench activation');
    figures.push(
      {
        benchmark,
        name: 'activation in the real extension host (loading + activate()), code cache present, median of 5',
        value: number(activation.medianMs, 'activation.medianMs'),
        unit: 'ms',
        better: 'lower',
        target: 20,
      },
      // Its two parts, shown without targets (the target holds for the sum).
      ...(activation.medianLoadMs === undefined
        ? []
        : [
            {
              benchmark,
              name: 'activation: loading dist/main.js',
              value: number(activation.medianLoadMs, 'activation.medianLoadMs'),
              unit: 'ms',
              better: 'lower',
            },
          ]),
      ...(activation.medianActivateMs === undefined
        ? []
        : [
            {
              benchmark,
              name: 'activation: activate(), dist/extension.js from its code cache included',
              value: number(activation.medianActivateMs, 'activation.medianActivateMs'),
              unit: 'ms',
              better: 'lower',
            },
          ]),
      // A version's first start compiles dist/extension.js and writes the code cache.
      ...(activation.firstStartMedianMs === undefined
        ? []
        : [
            {
              benchmark,
              name: "activation on a version's first start (no code cache yet), median of 5",
              value: number(activation.firstStartMedianMs, 'activation.firstStartMedianMs'),
              unit: 'ms',
              better: 'lower',
            },
          ]),
      {
        benchmark,
        name: '`dist/extension.js` (production bundle)',
        value: number(activation.bundleKb, 'activation.bundleKb'),
        unit: 'KB',
        better: 'lower',
        target: 300,
      },
    );
  }
  if (report.import !== undefined) {
    const imports = object(report.import, 'editorBench import');
    for (const [results, label, run] of sizeRuns(imports, 'import')) {
      const figure = sizeFigure(
        `Import SARIF ${label} results`,
        run,
        `import.${results}`,
        results === '100000',
      );
      const worstBlock =
        Array.isArray(run.longestBlocksMs) && run.longestBlocksMs.length > 0
          ? Math.max(
              ...run.longestBlocksMs.map((v) => number(v, `import.${results}.longestBlocksMs`)),
            )
          : undefined;
      figures.push(
        figure('all diagnostics present, median of 3', 'medianMs', 'ms', 1500),
        // The first of the three imports of a window is the slowest (nothing compiled or
        // allocated for it yet): shown on its own, as a person's first import meets it (absent
        // from older reports).
        ...(Array.isArray(run.runsMs) && run.runsMs.length > 0
          ? [figure("the window's first import", 'runsMs[0]', 'ms', undefined, run.runsMs[0])]
          : []),
        // The target ("no block over 100 ms") holds for the worst of the three imports where the
        // report lists each import's longest block; older reports have only the median.
        ...(worstBlock === undefined
          ? [figure('longest extension-host block', 'longestBlockMs', 'ms', 100)]
          : [
              figure('longest extension-host block', 'longestBlockMs', 'ms'),
              figure(
                'longest extension-host block in any of the 3 imports',
                'longestBlocksMs',
                'ms',
                100,
                worstBlock,
              ),
            ]),
        figure('extension-host RSS growth', 'rssGrowthMb', 'MB', 150),
        // CPU of the extension host's main thread: what the load of a shared machine does not
        // inflate (absent from reports of older runs).
        ...(run.hostCpuMs === undefined
          ? []
          : [
              figure('extension-host main-thread CPU', 'hostCpuMs', 'ms'),
              figure('longest main-thread CPU stretch', 'longestBlockCpuMs', 'ms'),
            ]),
        // CPU of the whole extension host process: main thread, import worker, garbage collector.
        ...(run.processCpuMs === undefined
          ? []
          : [figure('extension-host process CPU (worker included)', 'processCpuMs', 'ms')]),
        // Pages of memory the extension host touched afresh (absent from older reports).
        ...(run.minorPageFaults === undefined
          ? []
          : [figure('extension-host minor page faults', 'minorPageFaults', 'faults')]),
        // The main thread's garbage collections, where the longest blocks come from (absent
        // from older reports).
        ...(run.gcMs === undefined
          ? []
          : [
              figure('extension-host main-thread garbage collection', 'gcMs', 'ms'),
              figure('longest young-generation collection', 'longestMinorGcMs', 'ms'),
            ]),
      );
    }
  }
  // The diagnostics floor: the least any extension does to show the same results, only their
  // Diagnostic objects without OpenPypi (bench/host/diagnosticsFloorProbe.ts). No targets: it is
  // the floor under the import's figures on the machine of the run.
  if (report.floor !== undefined) {
    const floors = object(report.floor, 'editorBench floor');
    for (const [results, label, run] of sizeRuns(floors, 'floor')) {
      const figure = sizeFigure(`Diagnostics floor ${label} results`, run, `floor.${results}`);
      figures.push(
        figure('all diagnostics present, median of 3', 'medianMs', 'ms'),
        figure('longest extension-host block', 'longestBlockMs', 'ms'),
        figure('longest young-generation collection', 'longestMinorGcMs', 'ms'),
        figure('extension-host RSS growth', 'rssGrowthMb', 'MB'),
      );
    }
  }
  return figures;
}

/**
 * Figures of `npx tsx bench/sarifImport.ts` (import, merge and write in a child process that
 * runs bench/sarifImportWorker.ts, bundled).
 * @param {unknown} json
 */
export function sarifImportFigures(json) {
  const benchmark = 'sarifImport';
  const report = object(json, 'sarifImport output');
  if (!Array.isArray(report.figures)) throw new Error('sarifImport output: no "figures" array');
  return report.figures.flatMap((entry, index) => {
    const run = object(entry, `sarifImport figures[${index}]`);
    const results = number(run.results, `figures[${index}].results`);
    const label = `${results / 1000}k`;
    const big = results === 100_000;
    return [
      {
        benchmark,
        name: `CLI SARIF import+merge+write ${label} results, median of ${String(run.runs)}`,
        value: number(run.medianMs, `figures[${index}].medianMs`),
        unit: 'ms',
        better: 'lower',
        ...(big ? { target: 2000 } : {}),
      },
      {
        benchmark,
        name: `CLI SARIF import+merge+write ${label} results: peak RSS`,
        value: number(run.medianPeakRssMb, `figures[${index}].medianPeakRssMb`),
        unit: 'MB',
        better: 'lower',
        ...(big ? { target: 300 } : {}),
      },
    ];
  });
}

/**
 * Figures of `npx tsx bench/scanOverhead.ts`.
 * @param {unknown} json
 */
export function scanOverheadFigures(json) {
  const benchmark = 'scanOverhead';
  const report = object(json, 'scanOverhead output');
  const times = object(report.medianMs, 'scanOverhead medianMs');
  const target = number(report.target, 'scanOverhead target');
  return [
    {
      benchmark,
      name: '`openpypi scan --tools bandit` ÷ Bandit by hand, warm cache',
      value: number(report.ratioWarm, 'ratioWarm'),
      unit: '×',
      better: 'lower',
      target,
    },
    {
      benchmark,
      name: '`openpypi scan --tools bandit` ÷ Bandit by hand, cold cache',
      value: number(report.ratioCold, 'ratioCold'),
      unit: '×',
      better: 'lower',
      target,
    },
    {
      benchmark,
      // The tree size is an argument of the benchmark: figures of other sizes do not compare.
      name: `Bandit by hand on ${number(object(report.tree, 'scanOverhead tree').pythonFiles, 'tree.pythonFiles')} files, median of ${number(report.runs, 'scanOverhead runs')}`,
      value: number(times.banditByHand, 'medianMs.banditByHand'),
      unit: 'ms',
      better: 'lower',
    },
  ];
}

/**
 * Figures of `npx tsx bench/providers.ts`, which prints sentences, not JSON: each figure is
 * read from its line, and a missing line is an error naming it.
 * @param {string} text
 */
export function providersFigures(text) {
  const benchmark = 'providers';
  /**
   * @param {RegExp} pattern
   * @param {string} what
   */
  const read = (pattern, what) => {
    const match = pattern.exec(text);
    if (match?.[1] === undefined) {
      throw new Error(`providers: no line with ${what} in its output (expected ${pattern})`);
    }
    return Number(match[1]);
  };
  const figures = [
    {
      benchmark,
      name: 'provider construction (registry + AiProvider.create)',
      value: read(/^provider construction.*?: ([\d.]+) µs each/m, 'the construction time'),
      unit: 'µs',
      better: 'lower',
      target: 311,
    },
    {
      benchmark,
      name: 'cached provider status lookup',
      value: read(/^cached status lookup.*?: ([\d.]+) ns each/m, 'the status lookup time'),
      unit: 'ns',
      better: 'lower',
      target: 117,
    },
    {
      benchmark,
      name: '100 concurrent Validate calls: connected',
      value: read(/^100 concurrent Validate calls: (\d+)\/100 connected/m, 'the validations'),
      unit: '%',
      better: 'higher',
      target: 100,
    },
    {
      benchmark,
      name: '100 concurrent Validate calls: wall time',
      value: read(/^100 concurrent Validate calls: .*?, ([\d.]+) ms wall/m, 'the validation time'),
      unit: 'ms',
      better: 'lower',
    },
  ];
  // Present only after `npm run build` (the runner builds first).
  if (/^dist\/ai-runtime\.js/m.test(text)) {
    figures.push(
      {
        benchmark,
        name: '`dist/ai-runtime.js` (loaded on first AI use): size',
        value: read(/^dist\/ai-runtime\.js.*?: ([\d.]+) KiB/m, 'the AI runtime size'),
        unit: 'KB',
        better: 'lower',
      },
      {
        benchmark,
        name: '`dist/ai-runtime.js`: require() time',
        value: read(/^dist\/ai-runtime\.js.*?, require ([\d.]+) ms/m, 'the AI runtime load time'),
        unit: 'ms',
        better: 'lower',
      },
    );
  }
  return figures;
}
