// The lines of OpenPypi's log output channel ("OpenPypi", a LogOutputChannel) as VS Code wrote
// them to disk. The harness passes the run's user-data folder in OPENPYPI_TEST_USER_DATA. Used to
// see failures that the command wrapper catches and reports instead of throwing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'OpenPypi.log')
    .map((file) => path.join(dir, file));
}

/** Every line of every OpenPypi.log of this run; throws when the run has none. */
export function extensionLogLines(): string[] {
  const userData = process.env.OPENPYPI_TEST_USER_DATA;
  if (!userData) throw new Error('OPENPYPI_TEST_USER_DATA is not set; run through the harness');
  const files = logFiles(path.join(userData, 'logs'));
  if (files.length === 0) throw new Error(`No OpenPypi.log under ${userData}/logs`);
  return files.flatMap((file) => readFileSync(file, 'utf8').split('\n'));
}
