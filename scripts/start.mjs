// `npm start`: installs what is missing, builds, and serves OpenPypi in a real VS Code in the
// browser: code-server on 127.0.0.1 with the extension loaded from this repository (a link in
// code-server's extensions folder) on a temporary copy of test/workspaces/demo, so the clone is
// never modified. Prints the URL; Ctrl-C stops everything and removes the copy.
//   node scripts/start.mjs [--port 8080] [--no-build]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCodeServer } from '../test/harness/codeServer.mjs';
import { ensureHarness } from '../test/harness/ensure.mjs';
import { artifactsDir } from '../test/harness/harnessPaths.mjs';
import { loopbackPort } from '../test/harness/loopbackPort.mjs';
import { onInterrupt } from '../test/harness/processTree.mjs';
import { quietSettings } from '../test/harness/runInVscode.mjs';
import { writeUserSettings } from '../test/harness/userSettings.mjs';
import { ensureNodeModules, repoRoot } from './lib/nodeModules.mjs';
import { runCommand } from './lib/runCommand.mjs';
import { runSteps } from './lib/steps.mjs';
import { ensureSystemPackages } from './lib/systemPackages.mjs';

/** @param {string} name @returns {string | undefined} */
function option(name) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const preferredPort = Number(option('--port') ?? process.env.OPENPYPI_PORT ?? 8080);
if (!Number.isInteger(preferredPort) || preferredPort < 0 || preferredPort > 65535) {
  console.error(`--port takes a TCP port number (0 for any free one), not "${option('--port')}"`);
  process.exit(2);
}

const ready = await runSteps([
  { name: 'system packages (apt-get)', run: async () => void (await ensureSystemPackages()) },
  {
    name: 'npm dependencies (npm ci when missing)',
    run: async () => void (await ensureNodeModules()),
  },
  { name: 'VS Code harness (code-server, Node 24)', run: async () => void (await ensureHarness()) },
  ...(process.argv.includes('--no-build')
    ? []
    : [
        {
          name: 'build (esbuild)',
          run: () => runCommand('npm', ['run', '--silent', 'build'], { cwd: repoRoot }),
        },
      ]),
]);
if (!ready) process.exit(1);

const temp = mkdtempSync(path.join(os.tmpdir(), 'openpypi-start-'));
onInterrupt(async () => {
  rmSync(temp, { recursive: true, force: true });
});
const workspace = path.join(temp, 'demo');
cpSync(path.join(repoRoot, 'test', 'workspaces', 'demo'), workspace, { recursive: true });

// The extensions folder holds a link to this repository, named as an installed extension is
// (<publisher>.<name>-<version>), so VS Code loads the live build: after `npm run watch` rebuilds,
// "Developer: Reload Window" picks the change up.
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionsDir = path.join(temp, 'extensions');
mkdirSync(extensionsDir);
symlinkSync(
  repoRoot,
  path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`),
);

const stateDir = path.join(temp, 'state');
writeUserSettings(stateDir, quietSettings);
const logDir = path.join(artifactsDir, 'start');
mkdirSync(logDir, { recursive: true });
const logFile = path.join(logDir, 'code-server.log');
rmSync(logFile, { force: true });

const server = await startCodeServer({
  workspace,
  stateDir,
  extensionsDir,
  trust: true,
  logFile,
  developmentPayload: false,
  port: await loopbackPort(preferredPort),
});
const url = `${server.url}?folder=${encodeURIComponent(workspace)}`;
console.log(`
OpenPypi is running in VS Code (code-server), loaded from ${repoRoot}.

  Open:      ${url}
  Workspace: ${workspace} (a temporary copy of test/workspaces/demo)
  Log:       ${path.relative(repoRoot, logFile)}

Press Ctrl-C to stop.`);
