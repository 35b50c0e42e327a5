// One run of a real VS Code: code-server with a fresh state on loopback, Debian's Chromium on the
// workbench, the extension under development loaded from a folder, an optional tests module run
// in the extension host (its exit code comes back through `codeAutomationExit`), and an optional
// script that drives the page like a person. Everything started is stopped when the run ends,
// also on failure, timeout or Ctrl-C. Logs and screenshots go to test/artifacts/<name>/.
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { installExtension, startCodeServer } from './codeServer.mjs';
import { ensureHarness } from './ensure.mjs';
import { artifactsDir as allArtifacts, repoRoot } from './harnessPaths.mjs';
import { onInterrupt } from './processTree.mjs';
import { writeMachineSettings, writeUserSettings } from './userSettings.mjs';
import { workbenchUrl } from './workbenchUrl.mjs';

/**
 * @typedef {object} BrowserScriptContext
 * @property {import('playwright-core').Page} page the workbench, `.monaco-workbench` visible
 * @property {string} workspace the folder that is open (a temporary copy)
 * @property {string} artifactsDir where screenshots of this run belong
 * @property {(name: string) => Promise<string>} screenshot saves `<name>.png` there, returns its path
 * @property {(line: string) => void} log appends a line to the run's browser log
 */

/**
 * @typedef {object} RunOptions
 * @property {string} name names the run and its artifacts folder, e.g. 'integration-python'
 * @property {string | null} [workspace] folder to open; copied to a temporary folder first
 *   (so tests never modify the clone). null (the default): an empty folder.
 * @property {string[]} [folders] a multi-root workspace instead: each folder is copied to a
 *   temporary folder under its own name, and a `.code-workspace` file listing them is opened
 * @property {string | null} [extensionDevelopmentPath] the extension (default: the repository).
 *   null loads none (for example when the extension is installed from a .vsix instead).
 * @property {string} [testsPath] absolute path of a tests module exporting `run(): Promise<void>`
 * @property {Record<string, string>} [env] extension-host environment (`extensionEnvironment`);
 *   OPENPYPI_TEST_WORKSPACE (the opened folder), OPENPYPI_TEST_ARTIFACTS and
 *   OPENPYPI_TEST_USER_DATA (VS Code's user-data folder, with its logs) and
 *   OPENPYPI_TEST_EXTENSIONS_DIR are added.
 * @property {boolean} [trust] false keeps Workspace Trust on (default true: trusted)
 * @property {string} [extensionsDir] extensions folder (default: a fresh empty one)
 * @property {string} [stateDir] code-server's state (user data, global storage, settings) kept
 *   in this folder, so that a later run starts where this one ended (default: a fresh one)
 * @property {string[]} [vsixFiles] installed with `code-server --install-extension` first
 * @property {(context: BrowserScriptContext) => Promise<void>} [browserScript] drives the page;
 *   the run fails when it throws
 * @property {number} [timeoutMs] whole run, start to exit (default 240 s)
 * @property {number} [settleMs] wait after the workbench appears, before browserScript (3 s)
 * @property {boolean} [quiet] do not echo the tests' report to stdout
 * @property {Record<string, unknown>} [settings] user settings, over the harness's quiet defaults
 * @property {Record<string, unknown>} [machineSettings] machine settings (machine-scoped ones,
 *   such as a URL that receives a token, are read only from there in code-server's window)
 */

/**
 * @typedef {object} RunResult
 * @property {number} exitCode 0 when the tests module resolved and the browser script passed
 * @property {string} artifactsDir test/artifacts/<name>
 * @property {string[]} screenshots paths of the screenshots taken
 * @property {number} seconds wall time of the run
 * @property {string | undefined} failure what failed, when something did
 */

/**
 * Console lines of the extension host that carry this marker are echoed to stdout (mocha's
 * report; test/integration/index.ts writes it). Everything else goes only to browser.log.
 */
export const testOutputMarker = '[openpypi:test] ';

/**
 * User settings of every run: a quiet workbench without AI side panels, tips or update checks, so
 * screenshots show the extension and nothing reaches for the network.
 */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
};

/**
 * @param {RunOptions} options
 * @returns {Promise<RunResult>}
 */
export async function runInVscode(options) {
  const started = Date.now();
  await ensureHarness();
  const artifactsDir = path.join(allArtifacts, options.name);
  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });
  const codeServerLog = path.join(artifactsDir, 'code-server.log');
  const browserLog = createWriteStream(path.join(artifactsDir, 'browser.log'));
  const log = (/** @type {string} */ line) => browserLog.write(`${line}\n`);

  const temp = mkdtempSync(path.join(os.tmpdir(), `openpypi-vscode-${options.name}-`));
  const stateDir = options.stateDir ?? path.join(temp, 'state');
  const extensionsDir = options.extensionsDir ?? path.join(temp, 'extensions');
  const workspace = path.join(temp, 'workspace');
  if (options.workspace) cpSync(options.workspace, workspace, { recursive: true });
  else mkdirSync(workspace, { recursive: true });
  const workspaceFile = options.folders
    ? writeMultiRootWorkspace(workspace, options.folders)
    : undefined;
  writeUserSettings(stateDir, { ...quietSettings, ...options.settings });
  if (options.machineSettings) writeMachineSettings(stateDir, options.machineSettings);

  /** @type {string[]} */
  const screenshots = [];
  /** @type {(() => Promise<void>)[]} */
  const teardown = [];
  /** @type {string | undefined} */
  let failure;
  let exitCode = 1;
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  const screenshot = async (/** @type {string} */ name) => {
    const file = path.join(artifactsDir, `${name}.png`);
    if (!page) throw new Error('no page to take a screenshot of');
    await page.screenshot({ path: file });
    screenshots.push(file);
    return file;
  };
  const removeInterrupt = onInterrupt(async () => {
    rmSync(temp, { recursive: true, force: true });
  });

  const timeoutMs = options.timeoutMs ?? 240_000;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `the run "${options.name}" timed out after ${timeoutMs / 1000} s ` +
              `(tests module or browser script never finished); logs and a screenshot are in ${artifactsDir}`,
          ),
        ),
      timeoutMs,
    );
  });

  try {
    for (const vsix of options.vsixFiles ?? []) {
      await installExtension({ vsix, stateDir, extensionsDir, logFile: codeServerLog });
    }
    const server = await startCodeServer({
      workspace: workspaceFile ?? workspace,
      stateDir,
      extensionsDir,
      trust: options.trust ?? true,
      logFile: codeServerLog,
    });
    teardown.push(server.stop);
    const { browser, close } = await launchBrowser();
    teardown.push(close);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();

    page.on('console', (message) => {
      const text = message.text();
      log(`[${message.type()}] ${text}`);
      const at = text.indexOf(testOutputMarker);
      if (at >= 0 && !options.quiet) {
        process.stdout.write(`  ${text.slice(at + testOutputMarker.length)}\n`);
      }
    });
    page.on('pageerror', (error) => log(`[pageerror] ${error.stack ?? error.message}`));

    /** @type {(code: number) => void} */
    let reportExit = () => undefined;
    /** @type {Promise<number>} */
    const testsDone = new Promise((resolve) => {
      reportExit = resolve;
    });
    // The workbench calls this with the tests module's exit code once run() settles.
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => {
      reportExit(code);
    });

    const env = {
      ...options.env,
      OPENPYPI_TEST_WORKSPACE: workspace,
      OPENPYPI_TEST_ARTIFACTS: artifactsDir,
      OPENPYPI_TEST_USER_DATA: path.join(stateDir, 'user-data'),
      OPENPYPI_TEST_EXTENSIONS_DIR: extensionsDir,
    };
    const extensionDevelopmentPath =
      options.extensionDevelopmentPath === undefined ? repoRoot : options.extensionDevelopmentPath;
    const url = workbenchUrl({
      baseUrl: server.url,
      ...(workspaceFile ? { workspaceFile } : { folder: workspace }),
      ...(extensionDevelopmentPath ? { extensionDevelopmentPath } : {}),
      ...(options.testsPath ? { extensionTestsPath: options.testsPath } : {}),
      extensionEnvironment: env,
    });
    log(`[harness] opening ${url}`);

    const work = (async () => {
      const currentPage = /** @type {import('playwright-core').Page} */ (page);
      await currentPage.goto(url);
      await currentPage.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      /** @type {Promise<unknown>[]} */
      const parts = [];
      if (options.testsPath) {
        parts.push(
          testsDone.then((code) => {
            if (code !== 0) throw new Error(`the tests module reported exit code ${String(code)}`);
          }),
        );
      }
      if (options.browserScript) {
        const script = options.browserScript;
        parts.push(
          (async () => {
            await currentPage.waitForTimeout(options.settleMs ?? 3000);
            await script({ page: currentPage, workspace, artifactsDir, screenshot, log });
          })(),
        );
      }
      await Promise.all(parts);
    })();
    work.catch(() => undefined); // Its failure is read through the race below.
    await Promise.race([work, timeout]);
    exitCode = 0;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    exitCode = 1;
    log(`[harness] failed: ${failure}`);
  } finally {
    clearTimeout(timer);
    if (page) await screenshot(exitCode === 0 ? 'end' : 'failure').catch(() => undefined);
    for (const stop of teardown.reverse()) await stop().catch(() => undefined);
    removeInterrupt();
    rmSync(temp, { recursive: true, force: true });
    await new Promise((resolve) => browserLog.end(resolve));
  }
  return {
    exitCode,
    artifactsDir,
    screenshots,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    failure,
  };
}

/**
 * Copies each folder into `into` under its own name and writes a `.code-workspace` file that
 * lists them, in the order given.
 * @param {string} into
 * @param {string[]} folders
 * @returns {string} the workspace file
 */
function writeMultiRootWorkspace(into, folders) {
  const names = folders.map((folder) => path.basename(folder));
  if (new Set(names).size !== names.length) {
    throw new Error(
      `the folders of a multi-root workspace need distinct names: ${names.join(', ')}`,
    );
  }
  folders.forEach((folder, index) => {
    cpSync(folder, path.join(into, /** @type {string} */ (names[index])), { recursive: true });
  });
  const file = path.join(into, 'multi-root.code-workspace');
  writeFileSync(
    file,
    `${JSON.stringify({ folders: names.map((name) => ({ path: name })), settings: {} }, null, 2)}\n`,
  );
  return file;
}
