// The tests module VS Code loads in the extension host (extensionTestsPath): runs mocha on the
// bundled test files of one suite, out/test/integration/<suite>/*.test.js. The suite comes from
// OPENPYPI_INTEGRATION_SUITE, which the harness passes through extensionEnvironment, because each
// suite needs its own workspace (see suites.mjs). The workbench turns the settled promise into
// the exit code it reports through codeAutomationExit.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * The harness echoes console lines that carry this marker to its own stdout (test/harness/
 * runInVscode.mjs holds the same string), so mocha's report shows up in the terminal.
 */
const outputMarker = '[openpypi:test] ';

export async function run(): Promise<void> {
  const suite = process.env.OPENPYPI_INTEGRATION_SUITE;
  if (!suite) {
    throw new Error(
      'OPENPYPI_INTEGRATION_SUITE is not set: run the integration tests through the harness ' +
        '(npm run test:integration), which names the suite and opens its workspace.',
    );
  }
  const folder = path.join(__dirname, suite);
  if (!existsSync(folder)) {
    throw new Error(
      `No integration suite "${suite}" in ${__dirname}: test/integration/${suite}/*.test.ts ` +
        'is missing, or the build did not run (npm run build).',
    );
  }
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(folder, file));
  if (files.length === 0) {
    throw new Error(`No *.test.js in ${folder}: is "${suite}" a suite? Did the build run?`);
  }

  Mocha.reporters.Base.useColors = false;
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
    for (const line of format(...data).split('\n')) console.log(`${outputMarker}${line}`);
  };
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 30_000 });
  for (const file of files) mocha.addFile(file);
  console.log(`${outputMarker}suite "${suite}": ${files.length} file(s)`);

  const failures = await new Promise<number>((resolve) => {
    mocha.run(resolve);
  });
  if (failures > 0) {
    throw new Error(`${failures} integration test(s) failed in suite "${suite}"`);
  }
}
