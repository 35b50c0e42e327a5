// Add Dependabot Config next to an existing .github/dependabot.yml: the missing ecosystems are
// added, the user's entries, values and comments stay, and what cannot be merged is said so.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { mergeDependabotConfig } from '../../../../src/core/github/mergeDependabotConfig';
import { validator } from '../../release/dependabotSchema';

const user = `# Our own Dependabot settings: keep this comment.
version: 2
registries:
  internal:
    type: python-index
    url: https://pypi.internal.example/simple
updates:
  # The docs site's npm packages, checked daily.
  - package-ecosystem: npm
    directory: /docs
    schedule:
      interval: daily
  - package-ecosystem: "docker"
    directory: "/"
    schedule: { interval: monthly } # base images are rebuilt monthly
    ignore:
      - dependency-name: python
        versions: ["3.14"]
`;

interface Update {
  'package-ecosystem': string;
  directory: string;
  schedule: { interval: string };
}

describe('mergeDependabotConfig', () => {
  it('adds only the missing ecosystems after the user entries, keeping every comment and value', () => {
    const merged = mergeDependabotConfig(user, ['pip', 'github-actions', 'docker']);
    assert.equal(merged.kind, 'merged');
    assert.deepEqual(merged.added, ['pip', 'github-actions']);
    // The user's part of the file is unchanged, character for character.
    assert.ok(merged.text.startsWith(user), merged.text);
    const config = parse(merged.text) as { updates: Update[]; registries: unknown };
    assert.deepEqual(
      config.updates.map((u) => `${u['package-ecosystem']} ${u.directory} ${u.schedule.interval}`),
      ['npm /docs daily', 'docker / monthly', 'pip / weekly', 'github-actions / weekly'],
    );
    assert.deepEqual(config.registries, {
      internal: { type: 'python-index', url: 'https://pypi.internal.example/simple' },
    });
    const validate = validator();
    assert.equal(validate(parse(merged.text)), true, JSON.stringify(validate.errors));
  });

  it('changes nothing when every ecosystem already has an entry, whatever its directory', () => {
    assert.deepEqual(mergeDependabotConfig(user, ['docker']), { kind: 'unchanged' });
    const merged = mergeDependabotConfig(user, ['docker', 'pip']);
    assert.equal(merged.kind, 'merged');
    assert.deepEqual(merged.added, ['pip']);
    assert.deepEqual(mergeDependabotConfig(merged.text, ['docker', 'pip']), { kind: 'unchanged' });
  });

  it('fills a file with only comments, or without updates, keeping its comments', () => {
    const onlyComment = mergeDependabotConfig('# managed by the platform team\n', ['pip']);
    assert.equal(onlyComment.kind, 'merged');
    assert.match(onlyComment.text, /^# managed by the platform team\n/);
    assert.deepEqual(parse(onlyComment.text), {
      version: 2,
      updates: [
        {
          'package-ecosystem': 'pip',
          directory: '/',
          schedule: { interval: 'weekly', day: 'monday' },
          'open-pull-requests-limit': 5,
          groups: { 'pip-dependencies': { patterns: ['*'] } },
        },
      ],
    });
    const noUpdates = mergeDependabotConfig('version: 2 # keep\n', ['docker']);
    assert.equal(noUpdates.kind, 'merged');
    assert.match(noUpdates.text, /^version: 2 # keep\n/);
    assert.equal((parse(noUpdates.text) as { updates: Update[] }).updates.length, 1);
  });

  it('keeps a file without a final newline, with CRLF line ends, or with a flow list valid', () => {
    const noNewline = mergeDependabotConfig(
      'version: 2\nupdates:\n- package-ecosystem: npm\n  directory: /\n  schedule:\n    interval: daily',
      ['pip'],
    );
    assert.equal(noNewline.kind, 'merged');
    assert.match(noNewline.text, /interval: daily\n- package-ecosystem: pip\n/);
    const crlf = mergeDependabotConfig(
      'version: 2\r\nupdates:\r\n  - package-ecosystem: npm # docs\r\n    directory: /\r\n    schedule: { interval: daily }\r\n',
      ['pip'],
    );
    assert.equal(crlf.kind, 'merged');
    assert.ok(crlf.text.startsWith('version: 2\r\nupdates:\r\n  - package-ecosystem: npm # docs'));
    assert.doesNotMatch(crlf.text.replace(/\r\n/g, ''), /\n/, 'every line ends in CRLF');
    const flow = mergeDependabotConfig(
      '# ours\nversion: 2\nupdates: [{ package-ecosystem: npm, directory: /, schedule: { interval: daily } }]\n',
      ['pip'],
    );
    assert.equal(flow.kind, 'merged');
    assert.match(flow.text, /^# ours\n/);
    const validate = validator();
    for (const merged of [noNewline, crlf, flow]) {
      const config = parse(merged.text) as { updates: Update[] };
      assert.equal(validate(config), true, JSON.stringify(validate.errors));
      assert.deepEqual(
        config.updates.map((u) => u['package-ecosystem']),
        ['npm', 'pip'],
      );
    }
  });

  it('refuses to merge into broken YAML, another shape or another version, saying why', () => {
    const broken = mergeDependabotConfig('version: 2\nupdates: [\n', ['pip']);
    assert.equal(broken.kind, 'unmergeable');
    assert.match(broken.reason, /^it is not valid YAML/);
    const list = mergeDependabotConfig('- pip\n', ['pip']);
    assert.equal(list.kind, 'unmergeable');
    assert.match(list.reason, /not a mapping/);
    const v1 = mergeDependabotConfig('version: 1\nupdates: []\n', ['pip']);
    assert.equal(v1.kind, 'unmergeable');
    assert.match(v1.reason, /version 1/);
    const updatesMap = mergeDependabotConfig('version: 2\nupdates:\n  pip: weekly\n', ['pip']);
    assert.equal(updatesMap.kind, 'unmergeable');
    assert.match(updatesMap.reason, /`updates` is not a list/);
  });
});
