import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { awsProfileNames, readAwsProfiles } from '../../../../src/core/cloud/inventory/awsProfiles';

const config = `[default]
region = eu-west-1

[profile deploy]
role_arn = arn:aws:iam::123456789012:role/deploy
source_profile = default

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start

[profile  sandbox ] # trailing comment
region = us-east-1
`;

const credentials = `[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[ci]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`;

describe('AWS profiles', () => {
  it('reads profile names from config ([default], [profile x]) and credentials ([x])', () => {
    assert.deepEqual(awsProfileNames(config, 'config'), ['default', 'deploy', 'sandbox']);
    assert.deepEqual(awsProfileNames(credentials, 'credentials'), ['default', 'ci']);
  });

  it('merges both files, marks where each is declared and which is active, and keeps no key', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'openpypi-aws-'));
    try {
      const configFile = path.join(home, 'config');
      const credentialsFile = path.join(home, 'credentials');
      writeFileSync(configFile, config);
      writeFileSync(credentialsFile, credentials);
      const env = { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile };
      const profiles = await readAwsProfiles(env, home);
      assert.deepEqual(
        profiles.profiles.map(
          (p) => `${p.name}:${p.inConfig ? 'c' : ''}${p.inCredentials ? 'k' : ''}`,
        ),
        ['default:ck', 'ci:k', 'deploy:c', 'sandbox:c'],
      );
      assert.equal(profiles.active, 'default');
      assert.equal(
        (await readAwsProfiles({ ...env, AWS_PROFILE: 'deploy' }, home)).active,
        'deploy',
      );
      assert.doesNotMatch(JSON.stringify(profiles), /AKIA|EXAMPLEKEY|arn:aws/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('has no profiles and no active one when the files do not exist', async () => {
    const profiles = await readAwsProfiles({}, path.join(os.tmpdir(), 'openpypi-no-such-home'));
    assert.deepEqual(profiles, { profiles: [], active: undefined });
  });
});
