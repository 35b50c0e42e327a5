// Runs the integration suites (suites.mjs), each in its own real VS Code with its workspace, on
// the bundled tests (out/test/integration; `npm run build` makes them). Used by scripts/test.mjs;
// also runnable alone: node test/integration/run.mjs [--suite NAME]...
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/harnessPaths.mjs';
import { runInVscode } from '../harness/runInVscode.mjs';
import { integrationSuites } from './suites.mjs';

export const testsModule = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

/**
 * @param {{ suites?: string[] }} [options] names from suites.mjs (default: all)
 * @returns {Promise<boolean>} true when every suite passed
 */
export async function runIntegrationSuites(options = {}) {
  if (!existsSync(testsModule)) {
    throw new Error(`${testsModule} is missing: run \`npm run build\` first`);
  }
  const wanted = options.suites ?? integrationSuites.map((s) => s.suite);
  const unknown = wanted.filter((name) => !integrationSuites.some((s) => s.suite === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown integration suite(s): ${unknown.join(', ')}. Known: ${integrationSuites.map((s) => s.suite).join(', ')}`,
    );
  }
  let passed = true;
  for (const {
    suite,
    workspace,
    folders,
    description,
    env,
    trust,
    setup,
    timeoutMs,
  } of integrationSuites) {
    if (!wanted.includes(suite)) continue;
    console.log(`\n--- integration suite "${suite}": ${description}`);
    // A suite's services (a Docker engine, a PostgreSQL server...) start before its VS Code and
    // stop after it, also when the run fails.
    const service = setup ? await setup() : undefined;
    let result;
    try {
      result = await runInVscode({
        name: `integration-${suite}`,
        workspace: workspace ? path.join(repoRoot, workspace) : null,
        ...(folders ? { folders: folders.map((folder) => path.join(repoRoot, folder)) } : {}),
        testsPath: testsModule,
        env: { ...env, ...service?.env, OPENPYPI_INTEGRATION_SUITE: suite },
        ...(trust === undefined ? {} : { trust }),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
    } finally {
      await service?.stop();
    }
    console.log(
      `--- suite "${suite}" ${result.exitCode === 0 ? 'passed' : 'FAILED'} in ${result.seconds} s` +
        `${result.failure ? `: ${result.failure}` : ''} (logs: ${path.relative(repoRoot, result.artifactsDir)})`,
    );
    if (result.exitCode !== 0) passed = false;
  }
  return passed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const suites = process.argv.flatMap((arg, i) =>
    arg === '--suite' && process.argv[i + 1] ? [/** @type {string} */ (process.argv[i + 1])] : [],
  );
  runIntegrationSuites(suites.length > 0 ? { suites } : {}).then(
    (passed) => {
      process.exitCode = passed ? 0 : 1;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
