// `npm test`: installs what is missing (system packages, npm dependencies, the VS Code harness),
// then builds and runs every check and suite in order, stopping at the first failure.
//   node scripts/test.mjs                 everything
//   node scripts/test.mjs --only unit     one suite (unit | integration | e2e | vsix), with the
//                                         setup it needs
//   npm run test:integration -- --suite python [--suite security]
//                                         only those integration suites (test/integration/suites.mjs)
import { ensureHarness } from '../test/harness/ensure.mjs';
import { ensureNodeModules, repoRoot } from './lib/nodeModules.mjs';
import { runCommand } from './lib/runCommand.mjs';
import { runSteps } from './lib/steps.mjs';
import { ensureSystemPackages } from './lib/systemPackages.mjs';

/** @param {string} script */
const npmRun = (script) => () => runCommand('npm', ['run', '--silent', script], { cwd: repoRoot });

/**
 * Every step, in order. `for` lists the `--only` suites that need it; steps without it run only in
 * a full run. Add a suite by adding its step here (and a name to `suites`).
 * @type {(import('./lib/steps.mjs').Step & { for?: string[] })[]}
 */
const steps = [
  {
    name: 'system packages (apt-get)',
    for: ['integration', 'e2e', 'vsix'],
    run: async () => void (await ensureSystemPackages()),
  },
  {
    name: 'npm dependencies (npm ci when missing)',
    for: ['unit', 'integration', 'e2e', 'vsix'],
    run: async () => void (await ensureNodeModules()),
  },
  {
    name: 'VS Code harness (code-server, Node 24, playwright-core)',
    for: ['integration', 'e2e', 'vsix'],
    run: async () => void (await ensureHarness()),
  },
  { name: 'build (esbuild)', for: ['integration', 'e2e'], run: npmRun('build') },
  { name: 'typecheck (tsc --noEmit)', run: npmRun('typecheck') },
  { name: 'lint (eslint, zero warnings)', run: npmRun('lint') },
  { name: 'format check (prettier)', run: npmRun('format:check') },
  {
    name: 'unit tests (mocha, plain Node)',
    for: ['unit'],
    run: () => runCommand('npx', ['mocha'], { cwd: repoRoot }),
  },
  {
    name: 'integration tests (mocha in a real VS Code extension host)',
    for: ['integration'],
    run: async () =>
      (await import('../test/integration/run.mjs')).runIntegrationSuites(
        suiteNames.length > 0 ? { suites: suiteNames } : {},
      ),
  },
  {
    name: 'e2e tests (the workbench in Chromium)',
    for: ['e2e'],
    run: async () => (await import('../test/e2e/run.mjs')).runE2eScenarios(),
  },
  {
    name: 'package and install the .vsix (code-server --install-extension)',
    for: ['vsix'],
    run: async () => (await import('../test/integration/vsix.mjs')).runVsixTest(),
  },
];

const suites = ['unit', 'integration', 'e2e', 'vsix'];

/** `--suite NAME` (repeatable): only those integration suites. */
const suiteNames = process.argv.flatMap((arg, i) =>
  arg === '--suite' && process.argv[i + 1] ? [/** @type {string} */ (process.argv[i + 1])] : [],
);

function selectedSteps() {
  const at = process.argv.indexOf('--only');
  if (at < 0) return steps;
  const suite = process.argv[at + 1];
  if (!suite || !suites.includes(suite)) {
    throw new Error(`--only takes one of: ${suites.join(', ')} (got ${suite ?? 'nothing'})`);
  }
  return steps.filter((step) => step.for?.includes(suite));
}

try {
  process.exitCode = (await runSteps(selectedSteps())) ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
