// The workbench URL that opens a folder with an extension under development and a tests module:
// code-server's `payload` query, honoured when the server runs with enable-smoke-test-driver.
// The authority of the vscode-remote:// URIs must equal the host:port the page is opened on.

/**
 * @param {object} options
 * @param {string} options.baseUrl e.g. http://127.0.0.1:41234/
 * @param {string} [options.folder] absolute path of the folder to open
 * @param {string} [options.workspaceFile] absolute path of a .code-workspace file to open instead
 * @param {string} [options.extensionDevelopmentPath] absolute path of the extension folder
 * @param {string} [options.extensionTestsPath] absolute path of the tests module (exports run())
 * @param {Record<string, string>} [options.extensionEnvironment] env of the extension host
 * @returns {string}
 */
export function workbenchUrl(options) {
  const base = new URL(options.baseUrl);
  const remote = (/** @type {string} */ file) => `vscode-remote://${base.host}${file}`;
  /** @type {[string, string][]} */
  const payload = [['skipWelcome', 'true']];
  if (options.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  }
  if (options.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  }
  if (options.extensionEnvironment && Object.keys(options.extensionEnvironment).length > 0) {
    payload.push(['extensionEnvironment', JSON.stringify(options.extensionEnvironment)]);
  }
  const query = [
    ...(options.folder ? [`folder=${encodeURIComponent(options.folder)}`] : []),
    ...(options.workspaceFile ? [`workspace=${encodeURIComponent(options.workspaceFile)}`] : []),
    `payload=${encodeURIComponent(JSON.stringify(payload))}`,
  ];
  return `${base.origin}/?${query.join('&')}`;
}
