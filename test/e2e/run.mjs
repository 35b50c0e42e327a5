// Runs the e2e scenarios, each in its own real VS Code on the demo workspace with the extension
// under development, driven through Chromium. Screenshots go to test/artifacts/e2e-<name>/;
// `--update-screenshots` also copies the sidebar screenshot to docs/screenshots/sidebar.png.
// Used by scripts/test.mjs; also runnable alone: node test/e2e/run.mjs [--scenario NAME]...
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/harnessPaths.mjs';
import { runInVscode } from '../harness/runInVscode.mjs';
import { cloudDeployEnv, cloudDeployScenario } from './cloudDeploy.mjs';
import { findingsScenario } from './findings.mjs';
import { providersAiScenario, providersAiSetup } from './providersAi.mjs';
import { sidebarScenario } from './sidebar.mjs';

/**
 * `setup` starts what a scenario needs outside VS Code before it starts (a local server) and
 * returns machine settings for the run and a `stop` that is always called.
 * @type {{ name: string, workspace: string, description: string,
 *   script: (context: import('../harness/runInVscode.mjs').BrowserScriptContext) => Promise<void>,
 *   setup?: () => Promise<{ machineSettings?: Record<string, unknown>, stop(): Promise<void> }>,
 *   env?: Record<string, string>, readmeScreenshot?: string }[]}
 */
export const e2eScenarios = [
  {
    name: 'sidebar',
    workspace: 'test/workspaces/demo',
    description: 'the OpenPypi container renders both views (welcome content while empty)',
    script: sidebarScenario,
    readmeScreenshot: 'sidebar',
  },
  {
    name: 'findings',
    workspace: 'test/workspaces/demo',
    description: 'Scan Workspace with real Bandit: findings tree, a hover, the Problems panel',
    script: findingsScenario,
    readmeScreenshot: 'findings-tree',
  },
  {
    name: 'providers-ai',
    workspace: 'test/workspaces/demo',
    description: 'Sign in to the AI provider (local OpenAI-compatible server) from its row',
    script: providersAiScenario,
    setup: providersAiSetup,
    readmeScreenshot: 'providers-ai',
  },
  {
    name: 'cloud-deploy',
    workspace: 'test/workspaces/cloud',
    description:
      'Cloud row from a test KUBECONFIG; Generate Deployment through its quick picks and the Refactor Preview; Deploy after its modal (kubectl stand-in); Cancel on its progress notification stops kubectl',
    script: cloudDeployScenario,
    env: cloudDeployEnv,
  },
];

/**
 * @param {{ updateScreenshots?: boolean, scenarios?: string[] }} [options] scenarios: names to
 *   run (default: all)
 * @returns {Promise<boolean>} true when every scenario passed
 */
export async function runE2eScenarios(options = {}) {
  const unknown = (options.scenarios ?? []).filter(
    (name) => !e2eScenarios.some((s) => s.name === name),
  );
  if (unknown.length > 0) {
    throw new Error(
      `Unknown e2e scenario(s): ${unknown.join(', ')}. Known: ${e2eScenarios.map((s) => s.name).join(', ')}`,
    );
  }
  let passed = true;
  for (const scenario of e2eScenarios) {
    if (options.scenarios && !options.scenarios.includes(scenario.name)) continue;
    console.log(`\n--- e2e "${scenario.name}": ${scenario.description}`);
    const service = scenario.setup ? await scenario.setup() : undefined;
    let result;
    try {
      result = await runInVscode({
        name: `e2e-${scenario.name}`,
        workspace: path.join(repoRoot, scenario.workspace),
        browserScript: scenario.script,
        timeoutMs: 150_000,
        ...(scenario.env ? { env: scenario.env } : {}),
        ...(service?.machineSettings ? { machineSettings: service.machineSettings } : {}),
      });
    } finally {
      await service?.stop();
    }
    console.log(
      `--- e2e "${scenario.name}" ${result.exitCode === 0 ? 'passed' : 'FAILED'} in ${result.seconds} s` +
        `${result.failure ? `: ${result.failure}` : ''} (screenshots and logs: ${path.relative(repoRoot, result.artifactsDir)})`,
    );
    if (result.exitCode !== 0) passed = false;
    if (result.exitCode === 0 && options.updateScreenshots && scenario.readmeScreenshot) {
      const source = path.join(result.artifactsDir, `${scenario.readmeScreenshot}.png`);
      const target = path.join(repoRoot, 'docs', 'screenshots', `${scenario.readmeScreenshot}.png`);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(source, target);
      console.log(
        `--- copied ${path.relative(repoRoot, source)} to ${path.relative(repoRoot, target)}`,
      );
    }
  }
  return passed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const scenarios = process.argv.flatMap((arg, i) =>
    arg === '--scenario' && process.argv[i + 1]
      ? [/** @type {string} */ (process.argv[i + 1])]
      : [],
  );
  runE2eScenarios({
    updateScreenshots: process.argv.includes('--update-screenshots'),
    ...(scenarios.length > 0 ? { scenarios } : {}),
  }).then(
    (passed) => {
      process.exitCode = passed ? 0 : 1;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
