import * as assert from 'node:assert/strict';
import { FindingsStore, fileKey } from '../../../../src/core/findings/findingsStore';
import { aFinding } from '../../../factories/findingFactory';

describe('FindingsStore', () => {
  const folder = '/work/demo';

  it('replaces only the source that was rescanned', () => {
    const store = new FindingsStore();
    store.set({ folder, source: 'bandit' }, [aFinding({ file: 'a.py' })]);
    store.set({ folder, source: 'trivy' }, [aFinding({ tool: 'trivy', file: 'Dockerfile' })]);
    store.set({ folder, source: 'bandit' }, [aFinding({ file: 'b.py' })]);
    const files = store
      .findings()
      .map((f) => (f.location.kind === 'workspace' ? f.location.relativePath : ''))
      .sort();
    assert.deepEqual(files, ['Dockerfile', 'b.py']);
  });

  it('replaces a single file of one source, keeping the rest', () => {
    const store = new FindingsStore();
    store.set({ folder, source: 'bandit' }, [
      aFinding({ file: 'a.py' }),
      aFinding({ file: 'b.py' }),
    ]);
    store.setForFiles({ folder, source: 'bandit' }, ['a.py'], []);
    assert.equal(store.findings().length, 1);
  });

  it('drops the findings of one removed file and keeps the others', () => {
    const store = new FindingsStore();
    const changes: string[][] = [];
    store.onDidChange((change) => changes.push([...change.files]));
    store.set({ folder, source: 'bandit' }, [
      aFinding({ file: 'a.py' }),
      aFinding({ file: 'b.py' }),
    ]);
    store.removeFile(folder, 'a.py');
    const files = store
      .findings()
      .map((f) => (f.location.kind === 'workspace' ? f.location.relativePath : ''));
    assert.deepEqual(files, ['b.py']);
    assert.ok(changes.some((c) => c.includes(fileKey(folder, 'a.py'))));
  });

  it('keeps folders apart', () => {
    const store = new FindingsStore();
    store.set({ folder: '/one', source: 'bandit' }, [aFinding()]);
    store.set({ folder: '/two', source: 'bandit' }, [aFinding()]);
    store.removeFile('/one', 'app/run.py');
    assert.deepEqual(
      store.all().map((e) => [e.folder, e.findings.length]),
      [
        ['/one', 0],
        ['/two', 1],
      ],
    );
  });
});
