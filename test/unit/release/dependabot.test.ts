// .github/dependabot.yml against the Dependabot v2 JSON schema (SchemaStore's, in
// test/fixtures/schemas with its provenance), and for what this repository needs.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { validator } from './dependabotSchema';

const root = path.resolve(__dirname, '../../..');

interface Update {
  'package-ecosystem': string;
  directory: string;
  schedule: { interval: string };
  groups?: Record<string, { patterns?: string[] }>;
}

const config = (): { version: number; updates: Update[] } =>
  parse(readFileSync(path.join(root, '.github/dependabot.yml'), 'utf8')) as {
    version: number;
    updates: Update[];
  };

describe('Dependabot configuration (.github/dependabot.yml)', () => {
  it('validates against the Dependabot v2 schema', () => {
    const validate = validator();
    const valid = validate(config());
    assert.equal(valid, true, JSON.stringify(validate.errors, null, 2));
  });

  it('the schema does reject a broken configuration (no schedule, unknown key)', () => {
    const validate = validator();
    const broken = config();
    const first = broken.updates[0] as unknown as Record<string, unknown>;
    delete first.schedule;
    first.interval = 'weekly';
    assert.equal(validate(broken), false);
    const messages = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
    assert.ok(
      messages.some((m) => m.includes("must have required property 'schedule'")),
      messages.join('\n'),
    );
  });

  it('updates npm at the root and in the harness, and GitHub Actions, weekly and grouped', () => {
    const updates = config().updates.map((u) => ({
      ecosystem: u['package-ecosystem'],
      directory: u.directory,
      interval: u.schedule.interval,
      grouped: Object.values(u.groups ?? {}).some((g) => g.patterns?.includes('*') === true),
    }));
    assert.deepEqual(updates, [
      { ecosystem: 'npm', directory: '/', interval: 'weekly', grouped: true },
      { ecosystem: 'npm', directory: '/test/harness', interval: 'weekly', grouped: true },
      { ecosystem: 'github-actions', directory: '/', interval: 'weekly', grouped: true },
    ]);
  });
});
