// The .vsix as a user gets it: `npm run package` builds openpypi.vsix, `code-server
// --install-extension` installs it into a fresh extensions folder, and the "vsix" suite runs in
// the demo workspace with a code-free probe extension as extensionDevelopmentPath (so the
// repository's copy of OpenPypi is not loaded). Runnable alone: node test/integration/vsix.mjs
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../scripts/lib/runCommand.mjs';
import { probeExtensionDir, repoRoot } from '../harness/harnessPaths.mjs';
import { runInVscode } from '../harness/runInVscode.mjs';
import { testsModule } from './run.mjs';

export const vsixFile = path.join(repoRoot, 'openpypi.vsix');

/** @returns {Promise<boolean>} true when the installed extension passed its suite */
export async function runVsixTest() {
  await runCommand('npm', ['run', '--silent', 'package'], { cwd: repoRoot });
  if (!existsSync(vsixFile)) throw new Error(`npm run package did not write ${vsixFile}`);
  console.log(`--- ${path.basename(vsixFile)}: ${(statSync(vsixFile).size / 1024).toFixed(1)} KB`);
  if (!existsSync(testsModule))
    await runCommand('npm', ['run', '--silent', 'build'], { cwd: repoRoot });

  const result = await runInVscode({
    name: 'integration-vsix',
    workspace: path.join(repoRoot, 'test', 'workspaces', 'demo'),
    vsixFiles: [vsixFile],
    extensionDevelopmentPath: probeExtensionDir,
    testsPath: testsModule,
    env: { OPENPYPI_INTEGRATION_SUITE: 'vsix' },
  });
  console.log(
    `--- suite "vsix" ${result.exitCode === 0 ? 'passed' : 'FAILED'} in ${result.seconds} s` +
      `${result.failure ? `: ${result.failure}` : ''} (logs: ${path.relative(repoRoot, result.artifactsDir)})`,
  );
  return result.exitCode === 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  runVsixTest().then(
    (passed) => {
      process.exitCode = passed ? 0 : 1;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
