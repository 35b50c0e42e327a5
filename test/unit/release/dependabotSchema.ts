// The Dependabot v2 JSON schema (SchemaStore's, in test/fixtures/schemas with its provenance),
// shared by the tests of this repository's dependabot.yml and of the one OpenPypi generates.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';

const root = path.resolve(__dirname, '../../..');

export function validator() {
  const schema = JSON.parse(
    readFileSync(path.join(root, 'test/fixtures/schemas/dependabot-2.0.json'), 'utf8'),
  ) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}
