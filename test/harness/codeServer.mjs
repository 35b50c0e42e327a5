// code-server (VS Code 1.139 from npm) on a free loopback port, run with Node 24, with its own
// user-data, extensions, config and XDG folders so runs never share state or touch $HOME.
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { codeServerEntry, node24Bin } from './harnessPaths.mjs';
import { startProcess, stopProcess } from './processTree.mjs';

/**
 * @typedef {object} CodeServerOptions
 * @property {string | undefined} workspace folder opened when the URL carries no `folder`
 * @property {string} stateDir a fresh folder owned by this run (user data, config, XDG dirs)
 * @property {string} extensionsDir installed extensions (fresh per run unless given)
 * @property {boolean} trust false keeps Workspace Trust on (the folder opens in Restricted Mode)
 * @property {string} logFile code-server's output is appended here
 * @property {number} [port] 0 or absent: the OS picks a free one
 * @property {number} [startTimeoutMs]
 * @property {boolean} [developmentPayload] honour the URL's development `payload` (default true;
 *   passes --vscode-option enable-smoke-test-driver)
 */

/**
 * @typedef {object} CodeServer
 * @property {string} url e.g. http://127.0.0.1:41234/
 * @property {string} host e.g. 127.0.0.1:41234 (the authority of vscode-remote:// URIs)
 * @property {number} port
 * @property {() => Promise<void>} stop stops code-server and everything it started
 */

/** Environment that keeps code-server's config, session socket and data inside stateDir. */
function isolatedEnv(/** @type {string} */ stateDir) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // Nothing of the calling npm or VS Code leaks into the server and its extension host.
    if (key.startsWith('npm_') || key.startsWith('VSCODE_')) delete env[key];
  }
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.GITHUB_TOKEN;
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(stateDir, 'xdg-cache'),
  };
}

/**
 * @param {string} stateDir
 * @param {string} extensionsDir
 * @returns {string[]} the options every code-server invocation of the harness shares
 */
function commonArgs(stateDir, extensionsDir) {
  return [
    '--config',
    path.join(stateDir, 'config.yaml'),
    '--user-data-dir',
    path.join(stateDir, 'user-data'),
    '--extensions-dir',
    extensionsDir,
  ];
}

/**
 * Starts code-server and resolves once it listens.
 * @param {CodeServerOptions} options
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(options) {
  mkdirSync(options.stateDir, { recursive: true });
  mkdirSync(options.extensionsDir, { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const args = [
    codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${options.port ?? 0}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...commonArgs(options.stateDir, options.extensionsDir),
    // Makes the built workbench honour the development payload (extensionDevelopmentPath...).
    ...(options.developmentPayload === false
      ? []
      : ['--vscode-option', 'enable-smoke-test-driver']),
    ...(options.trust ? ['--disable-workspace-trust'] : []),
    ...(options.workspace ? [options.workspace] : []),
  ];
  const child = startProcess(node24Bin, args, {
    env: isolatedEnv(options.stateDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await stopProcess(child);
    await new Promise((resolve) => log.end(resolve));
  };

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  try {
    const url = await new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `code-server did not start listening within ${timeoutMs / 1000} s; its output is in ${options.logFile}`,
            ),
          ),
        timeoutMs,
      );
      /** @param {Buffer} chunk */
      const onData = (chunk) => {
        log.write(chunk);
        seen += String(chunk);
        const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/?)/.exec(seen);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1].endsWith('/') ? match[1] : `${match[1]}/`);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `code-server exited before listening (${signal ?? `exit code ${code}`}); its output is in ${options.logFile}. ` +
              'If the harness is damaged, reinstall it: node test/harness/ensure.mjs --force',
          ),
        );
      });
    });
    const parsed = new URL(url);
    return { url, host: parsed.host, port: Number(parsed.port), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Installs a .vsix (or a Marketplace id, which needs the internet) into an extensions folder with
 * `code-server --install-extension`, as a person would.
 * @param {{ vsix: string, stateDir: string, extensionsDir: string, logFile: string }} options
 * @returns {Promise<void>}
 */
export async function installExtension(options) {
  mkdirSync(options.stateDir, { recursive: true });
  mkdirSync(options.extensionsDir, { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = startProcess(
    node24Bin,
    [
      codeServerEntry,
      ...commonArgs(options.stateDir, options.extensionsDir),
      '--force',
      '--install-extension',
      options.vsix,
    ],
    { env: isolatedEnv(options.stateDir), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  /** @param {Buffer} chunk */
  const onData = (chunk) => {
    log.write(chunk);
    output += String(chunk);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0 || /failed|error/i.test(output)) {
    throw new Error(
      `code-server --install-extension ${options.vsix} failed (exit code ${code}):\n${output.trim()}`,
    );
  }
}
