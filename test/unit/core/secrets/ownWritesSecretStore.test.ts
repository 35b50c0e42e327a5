import * as assert from 'node:assert/strict';
import { MemorySecretStore } from '../../../../src/core/secrets/memorySecretStore';
import { OwnWritesSecretStore } from '../../../../src/core/secrets/ownWritesSecretStore';
import { secretKeys } from '../../../../src/core/secrets/secretKeys';
import type { Disposable, SecretStore } from '../../../../src/core/secrets/secretStore';

/** Collects the changes a store reports, with their origin, once the reads behind them settle. */
function recordChanges(store: OwnWritesSecretStore): {
  readonly changes: string[];
  readonly settled: () => Promise<void>;
  readonly subscription: Disposable;
} {
  const changes: string[] = [];
  const subscription = store.onDidChangeWithOrigin((key, origin) => {
    changes.push(`${origin} ${key}`);
  });
  // The origin is decided after one read of the store: let those reads finish.
  const settled = () => new Promise<void>((resolve) => setImmediate(resolve));
  return { changes, settled, subscription };
}

describe('OwnWritesSecretStore', () => {
  it("reports the echoes of its own writes as 'here' and another window's writes as 'elsewhere'", async () => {
    // The shared keychain: "another window" writes to it directly.
    const keychain = new MemorySecretStore();
    const store = new OwnWritesSecretStore(keychain);
    const { changes, settled } = recordChanges(store);

    await store.store(secretKeys.ai, 'sk-proj-signed-in-here-0000000000');
    await settled();
    await keychain.store(secretKeys.ai, 'sk-proj-signed-in-elsewhere-00000');
    await settled();
    await store.delete(secretKeys.ai);
    await settled();
    await keychain.store(secretKeys.ai, 'sk-proj-signed-in-elsewhere-00000');
    await settled();
    await keychain.delete(secretKeys.ai);
    await settled();

    assert.deepEqual(changes, [
      `here ${secretKeys.ai}`,
      `elsewhere ${secretKeys.ai}`,
      `here ${secretKeys.ai}`,
      `elsewhere ${secretKeys.ai}`,
      `elsewhere ${secretKeys.ai}`,
    ]);
    assert.equal(await store.get(secretKeys.ai), undefined);
  });

  it("counts a change as 'elsewhere' when nothing was written or seen here yet", async () => {
    const keychain = new MemorySecretStore({
      [secretKeys.ai]: 'sk-proj-from-an-earlier-session-00',
    });
    const store = new OwnWritesSecretStore(keychain);
    const { changes, settled } = recordChanges(store);
    await keychain.store(secretKeys.github, 'ghp_000000000000000000000000000000000000');
    await settled();
    // Seen once, the same value written again elsewhere is no change for this window.
    await keychain.store(secretKeys.github, 'ghp_000000000000000000000000000000000000');
    await settled();
    assert.deepEqual(changes, [`elsewhere ${secretKeys.github}`, `here ${secretKeys.github}`]);
  });

  it("counts a change as 'elsewhere' when the keychain cannot be read, and forgets a failed write", async () => {
    const keychain = new MemorySecretStore();
    let failing = false;
    const flaky: SecretStore = {
      get: (key) => (failing ? Promise.reject(new Error('no keyring')) : keychain.get(key)),
      store: (key, value) =>
        failing ? Promise.reject(new Error('no keyring')) : keychain.store(key, value),
      delete: (key) => keychain.delete(key),
      onDidChange: (listener) => keychain.onDidChange(listener),
    };
    const store = new OwnWritesSecretStore(flaky);
    const { changes, settled } = recordChanges(store);
    failing = true;
    await assert.rejects(store.store(secretKeys.ai, 'sk-proj-never-stored-000000000000'));
    failing = false;
    // The value of the failed write, written by another window: a change, not an echo.
    await keychain.store(secretKeys.ai, 'sk-proj-never-stored-000000000000');
    await settled();
    await store.store(secretKeys.ai, 'sk-proj-stored-here-0000000000000');
    await settled();
    // The keychain cannot be read when another window's change arrives.
    failing = true;
    await keychain.store(secretKeys.ai, 'sk-proj-stored-here-0000000000000');
    await settled();
    assert.deepEqual(changes, [
      `elsewhere ${secretKeys.ai}`,
      `here ${secretKeys.ai}`,
      `elsewhere ${secretKeys.ai}`,
    ]);
  });

  it('passes every change, unfiltered, to onDidChange listeners', async () => {
    const keychain = new MemorySecretStore();
    const store = new OwnWritesSecretStore(keychain);
    const keys: string[] = [];
    const subscription = store.onDidChange((key) => keys.push(key));
    await store.store(secretKeys.ai, 'sk-proj-signed-in-here-0000000000');
    await keychain.store(secretKeys.ai, 'sk-proj-signed-in-elsewhere-00000');
    subscription.dispose();
    assert.deepEqual(keys, [secretKeys.ai, secretKeys.ai]);
  });
});
