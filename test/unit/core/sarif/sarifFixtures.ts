import { readdirSync, readFileSync } from 'node:fs';
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

/** Every SARIF log under test/fixtures (any tool's folder) except the deliberately invalid ones. */
export function validSarifFixtureFiles(): string[] {
  const fixtures = path.resolve(__dirname, '../../../fixtures');
  return readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.sarif') && !file.includes('invalid'))
    .map((file) => path.join(fixtures, file));
}
