// Runs the e2e scenarios, each in its own real VS Code on the demo workspace with the extension
// under development, driven through Chromium. Screenshots go to test/artifacts/e2e-<name>/;
// `--update-screenshots` also copies the sidebar screenshot to docs/screenshots/sidebar.png.
// Used by scripts/test.mjs; also runnable alone: node test/e2e/run.mjs
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/harnessPaths.mjs';
import { runInVscode } from '../harness/runInVscode.mjs';
import { findingsScenario } from './findings.mjs';
import { sidebarScenario } from './sidebar.mjs';

/**
 * @type {{ name: string, workspace: string, description: string,
 *   script: (context: import('../harness/runInVscode.mjs').BrowserScriptContext) => Promise<void>,
 *   readmeScreenshot?: string }[]}
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
];

/**
 * @param {{ updateScreenshots?: boolean }} [options]
 * @returns {Promise<boolean>} true when every scenario passed
 */
export async function runE2eScenarios(options = {}) {
  let passed = true;
  for (const scenario of e2eScenarios) {
    console.log(`\n--- e2e "${scenario.name}": ${scenario.description}`);
    const result = await runInVscode({
      name: `e2e-${scenario.name}`,
      workspace: path.join(repoRoot, scenario.workspace),
      browserScript: scenario.script,
      timeoutMs: 150_000,
    });
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
  runE2eScenarios({ updateScreenshots: process.argv.includes('--update-screenshots') }).then(
    (passed) => {
      process.exitCode = passed ? 0 : 1;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
