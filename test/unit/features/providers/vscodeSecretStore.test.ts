// VscodeSecretStore over a SecretStorage whose keyring is missing (the Linux case): every
// operation fails with the message that explains VS Code's password-store option, and nothing
// falls back to another place. SecretStorage is an interface, so a plain object stands in here.
import * as assert from 'node:assert/strict';
import {
  SecretStorageUnavailableError,
  VscodeSecretStore,
} from '../../../../src/features/providers/vscodeSecretStore';

/** VS Code's SecretStorage, as the store's constructor takes it (unit tests never import vscode). */
type SecretStorage = ConstructorParameters<typeof VscodeSecretStore>[0];

function storageWithoutKeyring(): SecretStorage & { calls: string[] } {
  const calls: string[] = [];
  const fail = (operation: string) => {
    calls.push(operation);
    return Promise.reject(new Error('Cannot create an item in a locked collection'));
  };
  return {
    calls,
    get: () => fail('get'),
    keys: () => fail('keys'),
    store: () => fail('store'),
    delete: () => fail('delete'),
    onDidChange: () => ({ dispose: () => undefined }),
  } as unknown as SecretStorage & { calls: string[] };
}

describe('VscodeSecretStore without an OS keyring', () => {
  for (const operation of ['get', 'store', 'delete'] as const) {
    it(`${operation} fails with the password-store advice and the keyring's own words`, async () => {
      const storage = storageWithoutKeyring();
      const store = new VscodeSecretStore(storage);
      const attempt =
        operation === 'get'
          ? store.get('openpypi.ai.apiKey')
          : operation === 'store'
            ? store.store('openpypi.ai.apiKey', 'sk-proj-NeverStoredAnywhere0123456789')
            : store.delete('openpypi.ai.apiKey');
      await assert.rejects(attempt, (error: unknown) => {
        assert.ok(error instanceof SecretStorageUnavailableError);
        assert.match(error.message, /password-store/);
        assert.match(error.message, /gnome-keyring|KWallet/);
        assert.match(error.message, /locked collection/);
        assert.ok(!error.message.includes('sk-proj-'), 'the value is not in the message');
        return true;
      });
      assert.deepEqual(storage.calls, [operation], 'no retry, no other store');
    });
  }
});
