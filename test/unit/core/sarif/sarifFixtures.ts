import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder of the SARIF fixtures copied from real tools' repositories (see its PROVENANCE.md). */
export const SARIF_FIXTURES = path.resolve(__dirname, '../../../fixtures/sarif');

/** The demo workspace with deliberate Bandit findings. */
export const DEMO_WORKSPACE = path.resolve(__dirname, '../../../workspaces/demo');

export function fixturePath(relative: string): string {
  return path.join(SARIF_FIXTURES, relative);
}

export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}
