import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plannedProviders } from '../../../../src/core/providers/plannedProviders';
import {
  connected,
  failed,
  notConfigured,
  type ProviderStatus,
} from '../../../../src/core/providers/providerStatus';
import {
  providerNodeActions,
  providerNodeContextValue,
} from '../../../../src/features/providers/providerNodeActions';
import {
  buildProviderChildren,
  buildProviderRoots,
  describeProviderNode,
} from '../../../../src/features/providers/providerTreeBuilder';
import type { ProviderSnapshot } from '../../../../src/features/providers/providerTreeModel';

function ai(status: ProviderStatus): ProviderSnapshot {
  return {
    kind: 'built',
    id: 'ai',
    label: 'AI',
    status,
    capabilities: ['chat'],
    details:
      status.kind === 'connected'
        ? [
            {
              id: 'ai.models',
              label: 'Models',
              children: [{ id: 'ai.model.gpt-4o-mini', label: 'gpt-4o-mini' }],
            },
            { id: 'ai.usage', label: 'Usage this month', description: '41k tokens · $0.06' },
          ]
        : [],
  };
}

const planned: ProviderSnapshot[] = plannedProviders.map((p) => ({
  kind: 'planned',
  id: p.id,
  label: p.label,
  plannedFeatures: p.plannedFeatures,
}));

describe('Providers view model', () => {
  it('has one root per provider, in order, with status in the description', () => {
    const roots = buildProviderRoots([ai(connected('gpt-4o-mini', 'api.openai.com')), ...planned]);
    assert.deepEqual(
      roots.map(
        (node) => `${node.kind === 'detail' ? '' : node.id}: ${describeProviderNode(node)}`,
      ),
      [
        'ai: gpt-4o-mini · api.openai.com',
        // Providers whose feature has landed draw their own section and leave this list.
        ...plannedProviders.map((p) => `${p.id}: not available yet`),
      ],
    );
  });

  it('puts the provider details (models, usage) and their children under the node', () => {
    const [root] = buildProviderRoots([ai(connected('gpt-4o-mini', 'api.openai.com'))]);
    assert.ok(root);
    const children = buildProviderChildren(root);
    assert.deepEqual(
      children.map((c) => describeProviderNode(c)),
      ['', '41k tokens · $0.06'],
    );
    const [models] = children;
    assert.ok(models);
    assert.deepEqual(
      buildProviderChildren(models).map((c) => (c.kind === 'detail' ? c.detail.label : '')),
      ['gpt-4o-mini'],
    );
  });

  it('shows an error in the node with its reason, and a build failure as unavailable', () => {
    const [root] = buildProviderRoots([
      ai(failed('Invalid key: api.openai.com rejected the API key (401).')),
    ]);
    assert.ok(root);
    assert.equal(
      describeProviderNode(root),
      'Invalid key: api.openai.com rejected the API key (401).',
    );
    const [broken] = buildProviderRoots([
      {
        kind: 'failed',
        id: 'ai',
        label: 'AI',
        reason: 'The setting openpypi.ai.baseUrl is not a URL',
      },
    ]);
    assert.ok(broken);
    assert.equal(broken.kind, 'unavailable');
    assert.match(describeProviderNode(broken), /openpypi\.ai\.baseUrl/);
  });
});

describe('Providers view contextValue', () => {
  const root = (status: ProviderStatus) => {
    const [node] = buildProviderRoots([ai(status)]);
    assert.ok(node);
    return node;
  };

  it('offers Sign In only when not configured', () => {
    assert.equal(providerNodeContextValue(root(notConfigured('sign in'))), 'provider ai signIn');
  });

  it('offers Validate and Sign Out when connected', () => {
    assert.equal(
      providerNodeContextValue(root(connected('gpt-4o-mini', 'api.openai.com'))),
      'provider ai validate signOut',
    );
  });

  it('offers Retry, Sign In and Sign Out on an error', () => {
    assert.deepEqual(providerNodeActions(root(failed('offline'))), ['retry', 'signIn', 'signOut']);
  });

  it('offers nothing on a planned provider or a detail line, and Retry on a broken build', () => {
    const [first] = buildProviderRoots(planned);
    if (first?.kind === 'planned') {
      assert.equal(providerNodeContextValue(first), `planned ${first.id}`);
    }
    const [detail] = buildProviderChildren(root(connected('m', 'h')));
    assert.ok(detail);
    assert.equal(providerNodeContextValue(detail), 'detail ai');
    const [broken] = buildProviderRoots([{ kind: 'failed', id: 'ai', label: 'AI', reason: 'x' }]);
    assert.ok(broken);
    assert.equal(providerNodeContextValue(broken), 'unavailable ai retry');
  });

  it('matches the menu when-clauses of package.json word for word', () => {
    const manifest = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8'),
    ) as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const menus = manifest.contributes.menus['view/item/context'] ?? [];
    const whenFor = (command: string): RegExp => {
      const when = menus.find((m) => m.command === command)?.when ?? '';
      const regex = /viewItem =~ \/(.+)\/$/.exec(when)?.[1];
      assert.ok(regex, `${command} has no viewItem regex`);
      return new RegExp(regex);
    };
    const connectedValue = providerNodeContextValue(root(connected('m', 'h')));
    const missing = providerNodeContextValue(root(notConfigured('x')));
    const error = providerNodeContextValue(root(failed('x')));
    assert.ok(whenFor('openpypi.providers.validate').test(connectedValue));
    assert.ok(whenFor('openpypi.providers.validate').test(error));
    assert.ok(!whenFor('openpypi.providers.validate').test(missing));
    assert.ok(whenFor('openpypi.providers.signIn').test(missing));
    assert.ok(!whenFor('openpypi.providers.signIn').test(connectedValue));
    assert.ok(whenFor('openpypi.providers.signOut').test(connectedValue));
    assert.ok(!whenFor('openpypi.providers.signOut').test(missing));
  });
});
