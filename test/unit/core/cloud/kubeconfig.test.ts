import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeKubeconfigs, parseKubeconfig } from '../../../../src/core/cloud/inventory/kubeconfig';
import {
  kubeconfigPaths,
  readKubeconfigs,
} from '../../../../src/core/cloud/inventory/kubeconfigFiles';

const fixtures = path.resolve(__dirname, '../../../fixtures/cloud');
const dev = path.join(fixtures, 'kubeconfig-dev.yaml');
const prod = path.join(fixtures, 'kubeconfig-prod.yaml');
const malformed = path.join(fixtures, 'kubeconfig-malformed.yaml');

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  assert.ok(item !== undefined, `no item ${index}`);
  return item;
}

describe('kubeconfig', () => {
  it('lists every context of a file with cluster, user and namespace, and the current one', () => {
    const result = parseKubeconfig(dev, readFileSync(dev, 'utf8'));
    assert.ok('ok' in result);
    assert.equal(result.ok.currentContext, 'dev');
    assert.deepEqual(
      result.ok.contexts.map((c) => [c.name, c.cluster, c.user, c.namespace]),
      [
        ['dev', 'dev-cluster', 'dev-user', 'demo'],
        ['staging', 'staging-cluster', 'staging-user', undefined],
      ],
    );
  });

  it('merges several files as kubectl does: first name wins, first current-context wins', async () => {
    const merged = await readKubeconfigs([dev, prod]);
    assert.deepEqual(
      merged.contexts.map((c) => `${c.name}@${c.cluster}`),
      ['dev@dev-cluster', 'staging@staging-cluster', 'prod@prod-cluster'],
    );
    assert.equal(merged.currentContext, 'dev');
    assert.deepEqual(merged.problems, []);
    const reversed = await readKubeconfigs([prod, dev]);
    assert.equal(reversed.currentContext, 'prod');
    assert.equal(reversed.contexts.find((c) => c.name === 'staging')?.cluster, 'shadowed-cluster');
  });

  it('keeps no credential: the tokens in the files appear nowhere in the result', async () => {
    const merged = await readKubeconfigs([dev, prod]);
    assert.doesNotMatch(JSON.stringify(merged), /kubeconfig-token-never-shown/);
  });

  it('reports a malformed file with its line and still lists the good files’ contexts', async () => {
    const merged = await readKubeconfigs([malformed, dev]);
    assert.equal(merged.problems.length, 1);
    const problem = at(merged.problems, 0);
    assert.equal(problem.file, malformed);
    assert.equal(problem.line, 7);
    assert.ok(problem.message.length > 0);
    assert.deepEqual(
      merged.contexts.map((c) => c.name),
      ['dev', 'staging'],
    );
  });

  it('reports files that are not kubeconfigs: a list, another kind, contexts that are not a list', () => {
    const list = parseKubeconfig('a', '- 1\n- 2\n');
    assert.ok('problem' in list && list.problem.message.includes('mapping'));
    const kind = parseKubeconfig('b', 'apiVersion: v1\nkind: Pod\n');
    assert.ok('problem' in kind && kind.problem.message.includes('Pod'));
    const contexts = parseKubeconfig('c', 'kind: Config\n\ncontexts:\n  name: x\n');
    assert.ok('problem' in contexts);
    assert.equal(contexts.problem.line, 4);
    const entry = parseKubeconfig('d', 'kind: Config\ncontexts:\n  - name: x\n');
    assert.ok('problem' in entry && entry.problem.line === 3);
  });

  it('treats an empty file as an empty config and skips files that do not exist', async () => {
    assert.deepEqual(parseKubeconfig('e', ''), {
      ok: { file: 'e', contexts: [], currentContext: undefined },
    });
    const merged = await readKubeconfigs([path.join(fixtures, 'no-such-kubeconfig'), prod]);
    assert.deepEqual(merged.problems, []);
    assert.equal(merged.currentContext, 'prod');
    assert.deepEqual(mergeKubeconfigs([]).contexts, []);
  });

  it('reads KUBECONFIG (several files, path delimiter) or ~/.kube/config', () => {
    assert.deepEqual(
      kubeconfigPaths({ KUBECONFIG: [dev, '', prod, dev].join(path.delimiter) }, '/home/u'),
      [dev, prod],
    );
    assert.deepEqual(kubeconfigPaths({}, '/home/u'), [path.join('/home/u', '.kube', 'config')]);
    assert.deepEqual(kubeconfigPaths({ KUBECONFIG: '' }, '/home/u'), [
      path.join('/home/u', '.kube', 'config'),
    ]);
  });
});
