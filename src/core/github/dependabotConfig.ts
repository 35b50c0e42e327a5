import { stringify } from 'yaml';
import type { DependabotEcosystem } from './dependabotEcosystems';

/** One `updates` entry: weekly on Mondays, the ecosystem's version updates in one group. */
export function dependabotUpdate(ecosystem: DependabotEcosystem): Record<string, unknown> {
  return {
    'package-ecosystem': ecosystem,
    directory: '/',
    schedule: { interval: 'weekly', day: 'monday' },
    'open-pull-requests-limit': 5,
    groups: { [`${ecosystem}-dependencies`]: { patterns: ['*'] } },
  };
}

/**
 * `.github/dependabot.yml` for the given ecosystems: weekly on Mondays, version updates of
 * each ecosystem grouped into one pull request (security updates still arrive one by one).
 */
export function dependabotConfig(ecosystems: readonly DependabotEcosystem[]): string {
  const updates = ecosystems.map(dependabotUpdate);
  return (
    '# Weekly dependency updates, one grouped pull request per ecosystem (written by OpenPypi).\n' +
    stringify({ version: 2, updates }, { lineWidth: 0 })
  );
}
