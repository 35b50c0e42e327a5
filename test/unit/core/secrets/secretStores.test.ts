import * as assert from 'node:assert/strict';
import { Redactor } from '../../../../src/core/redaction/redactor';
import { EnvSecretStore } from '../../../../src/core/secrets/envSecretStore';
import { MemorySecretStore } from '../../../../src/core/secrets/memorySecretStore';
import { RedactingSecretStore } from '../../../../src/core/secrets/redactingSecretStore';
import { secretKeys } from '../../../../src/core/secrets/secretKeys';
import type { SecretStore } from '../../../../src/core/secrets/secretStore';

describe('secret stores', () => {
  it('reads the CLI secrets from environment variables, first set wins, and refuses to store', async () => {
    const store: SecretStore = new EnvSecretStore({
      OPENAI_API_KEY: 'sk-from-openai-variable-000000',
      OPENPYPI_AI_API_KEY: '  sk-from-openpypi-variable-0000  ',
    });
    assert.equal(await store.get(secretKeys.ai), 'sk-from-openpypi-variable-0000');
    assert.equal(await store.get(secretKeys.github), undefined);
    await assert.rejects(
      store.store(secretKeys.ai, 'x'),
      /set OPENPYPI_AI_API_KEY or OPENAI_API_KEY/,
    );
    await assert.rejects(store.delete(secretKeys.github), /GITHUB_TOKEN/);
  });

  it('tells listeners which key changed', async () => {
    const store = new MemorySecretStore();
    const changed: string[] = [];
    const listener = store.onDidChange((key) => changed.push(key));
    await store.store(secretKeys.ai, 'sk-value-0000000000000000');
    await store.delete(secretKeys.ai);
    await store.delete(secretKeys.ai); // nothing left to delete: no event
    listener.dispose();
    await store.store(secretKeys.ai, 'again-000000');
    assert.deepEqual(changed, [secretKeys.ai, secretKeys.ai]);
  });

  it('registers every value read, stored or deleted with the redactor', async () => {
    const redactor = new Redactor();
    const inner = new MemorySecretStore({ [secretKeys.github]: 'custom-token-read-at-startup' });
    const store = new RedactingSecretStore(inner, redactor);
    assert.equal(redactor.redact('custom-token-read-at-startup'), 'custom-token-read-at-startup');
    await store.get(secretKeys.github);
    await store.store(secretKeys.ai, 'local-server-token-typed-in');
    assert.equal(
      redactor.redact('a custom-token-read-at-startup b local-server-token-typed-in c'),
      'a [REDACTED] b [REDACTED] c',
    );
    await store.delete(secretKeys.ai);
    assert.equal(await inner.get(secretKeys.ai), undefined);
    assert.equal(redactor.redact('local-server-token-typed-in'), '[REDACTED]');
  });
});
