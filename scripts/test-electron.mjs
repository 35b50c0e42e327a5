// The integration suite in a desktop VS Code, downloaded by @vscode/test-electron. For people
// with a desktop and internet access (and for the project's GitHub CI); the code-server suite
// of `npm test` is what runs on machines without internet.
//
//   npm run test:electron                 # VS Code stable
//   VSCODE_VERSION=1.90.0 npm run test:electron
import { runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

const workspace = mkdtempSync(path.join(os.tmpdir(), 'openpypi-electron-'));
cpSync(path.join(root, 'test/workspaces/demo'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
    extensionTestsEnv: { OPENPYPI_TEST_WORKSPACE: workspace, OPENPYPI_INTEGRATION_SUITE: 'python' },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error('test:electron failed:', error);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
