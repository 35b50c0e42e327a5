import type { Run } from 'sarif';
import { asRecord, parseToolJson } from './jsonValue';
import type { ParseContext, Scanner } from './scanner';
import { parseTrivyJson } from './trivyJson';
import { parseTrivySarif } from './trivySarif';
import { TRIVY_INFORMATION_URI } from './trivyJson';

const COMMON = [
  '--format',
  'json',
  '--scanners',
  'vuln,misconfig,secret',
  '--list-all-pkgs',
  '--quiet',
];
const SKIP_DIRS = ['--skip-dirs', 'node_modules,.venv,venv,.git,.tox,.openpypi'];

export const trivyScanner: Scanner = {
  id: 'trivy',
  displayName: 'Trivy',
  informationUri: TRIVY_INFORMATION_URI,
  installHint:
    'Trivy is not a pip package: see https://trivy.dev/latest/getting-started/installation/',
  executableName: 'trivy',
  readsManifests: true,
  versionArgs: ['--version'],
  parseVersion: (output) => /Version:\s*v?(\d+(?:\.\d+)+\S*)/i.exec(output)?.[1],
  // Without --exit-code, Trivy exits 0 whatever it found.
  exitCodeMeaning: (code) => (code === 0 ? 'ok' : 'error'),
  argsForWorkspace: () => ['fs', ...COMMON, ...SKIP_DIRS, '.'],
  // `trivy fs` takes one target: one file on its own, or the workspace for several.
  argsForFiles: (_target, files) =>
    files.length === 0
      ? undefined
      : ['fs', ...COMMON, ...SKIP_DIRS, files.length === 1 ? (files[0] ?? '.') : '.'],
  parse: parseTrivy,
};

/** Reads any Trivy report: JSON (SchemaVersion 2 or the legacy array) or SARIF. */
export function parseTrivy(stdout: string, context: ParseContext): Run {
  const json = parseToolJson('Trivy', stdout);
  const record = asRecord(json);
  if (record !== undefined && 'runs' in record && !('SchemaVersion' in record)) {
    return parseTrivySarif(record, context);
  }
  return parseTrivyJson(json, context);
}
