import * as assert from 'node:assert/strict';
import { AiRequestError } from '../../../../src/core/ai/aiRequestError';
import { DatabaseError } from '../../../../src/core/database/databaseErrors';
import { EngineError } from '../../../../src/core/docker/engineError';
import { CancelledError } from '../../../../src/core/errors/cancelledError';
import { UserError, isUserError } from '../../../../src/core/errors/userError';
import { userErrorRemedy } from '../../../../src/core/errors/userErrorRemedy';
import { TemplateError } from '../../../../src/core/generator/renderTemplate';
import { GithubRequestError } from '../../../../src/core/github/githubRequestError';
import { SarifUploadRefusedError } from '../../../../src/core/github/sarifUpload';
import { ManifestParseError } from '../../../../src/core/manifests/manifestParseError';
import {
  ExecutableNotFoundError,
  OutputLimitError,
  ProcessTimeoutError,
} from '../../../../src/core/process/processErrors';
import { NotConfiguredError } from '../../../../src/core/providers/notConfiguredError';
import { SarifImportError } from '../../../../src/core/sarif/sarifImportError';
import { ScannerOutputError } from '../../../../src/core/scanners/scannerOutputError';
import { CliUsageError } from '../../../../src/cli/cliUsageError';
import { SecretStorageUnavailableError } from '../../../../src/features/providers/vscodeSecretStore';

/** What a lazily loaded runtime bundle throws: its own copy of a class, with the same name. */
function fromAnotherBundle(name: string, fields: Record<string, unknown> = {}): Error {
  class CopyOfTheClass extends Error {}
  const error = Object.assign(new CopyOfTheClass('copied'), fields);
  error.name = name;
  return error;
}

describe('isUserError', () => {
  it('recognises UserError and its subclasses, also when their name differs', () => {
    assert.equal(isUserError(new UserError('No folder is open.')), true);
    const unauthorized = new GithubRequestError({
      kind: 'unauthorized',
      status: 401,
      message: 'GitHub refused the token',
    });
    assert.equal(unauthorized.name, 'GithubRequestError');
    assert.equal(isUserError(unauthorized), true);
    assert.equal(isUserError(new SarifUploadRefusedError('scan.sarif', 'too many runs')), true);
  });

  it('recognises a UserError subclass of another bundle by its brand, whatever its name', () => {
    const copy = fromAnotherBundle('SomeNewRefusal', { userError: true });
    assert.equal(isUserError(copy), true);
    assert.equal(isUserError(fromAnotherBundle('UserError')), true);
  });

  it('classifies every other error class the user can fix as a user error', () => {
    const usersToFix: Error[] = [
      new NotConfiguredError('ai', 'The AI provider is not configured'),
      new SecretStorageUnavailableError(new Error('no keyring')),
      new AiRequestError('invalid-key', 'Invalid key', 401),
      new AiRequestError('unreachable', 'Cannot reach api.example'),
      new AiRequestError('server-error', 'The AI service failed (500)', 500),
      new EngineError(
        'Docker engine not reachable at unix:///var/run/docker.sock',
        'not-reachable',
      ),
      new EngineError('Permission denied on the Docker socket', 'permission-denied'),
      new EngineError('No such image: nope:1', 'api', 404),
      new DatabaseError('connection refused at localhost:5432', 'unreachable'),
      new DatabaseError('password authentication failed', 'authentication'),
      new DatabaseError('syntax error at or near "SELEC"', 'syntax'),
      new ManifestParseError('pyproject.toml', 'not TOML'),
      new SarifImportError('scan.sarif', 'not-json', 'not JSON'),
      new TemplateError('my-template/template.json: unknown placeholder "nam"'),
      new ExecutableNotFoundError('bandit', 'not on PATH'),
      new ProcessTimeoutError('bandit', 120_000),
      new OutputLimitError('trivy', 64 * 1024 * 1024),
      new CliUsageError('--fail-on must be one of ...'),
    ];
    for (const error of usersToFix) {
      assert.equal(isUserError(error), true, `${error.name}: ${error.message}`);
    }
  });

  it('recognises those classes by name when a runtime bundle threw its own copy', () => {
    assert.equal(isUserError(fromAnotherBundle('NotConfiguredError', { providerId: 'ai' })), true);
    assert.equal(
      isUserError(fromAnotherBundle('GithubRequestError', { failure: { kind: 'not-found' } })),
      true,
    );
    assert.equal(isUserError(fromAnotherBundle('EngineError', { problem: 'tls' })), true);
    assert.equal(
      isUserError(fromAnotherBundle('DatabaseError', { reason: 'authentication' })),
      true,
    );
  });

  it('leaves defects, flow control and cancellations to the error path', () => {
    const notUsers: unknown[] = [
      new Error('Cannot read properties of undefined'),
      new TypeError('x is not a function'),
      new ScannerOutputError('Bandit', 'expected a JSON object with a "results" array.'),
      new DatabaseError('something unexplained', 'other'),
      fromAnotherBundle('DatabaseError', { reason: 'other' }),
      // The generator's Back button (src/features/generator/multiStepInput.ts).
      fromAnotherBundle('BackRequested'),
      new CancelledError(),
      fromAnotherBundle('toString'),
      fromAnotherBundle('UserErrorish', { userError: 'yes' }),
      { name: 'UserError', message: 'not an Error object' },
      'UserError',
      undefined,
    ];
    for (const error of notUsers) {
      assert.equal(isUserError(error), false, String((error as Error | undefined)?.name ?? error));
    }
  });
});

describe('userErrorRemedy', () => {
  it('offers Sign In for a missing key and for a token or key the service refused', () => {
    assert.deepEqual(userErrorRemedy(new NotConfiguredError('ai', 'not configured')), {
      kind: 'sign-in',
      provider: 'ai',
    });
    assert.deepEqual(
      userErrorRemedy(
        new GithubRequestError({ kind: 'unauthorized', status: 401, message: 'refused' }),
      ),
      { kind: 'sign-in', provider: 'github' },
    );
    assert.deepEqual(
      userErrorRemedy(
        fromAnotherBundle('GithubRequestError', { failure: { kind: 'unauthorized' } }),
      ),
      { kind: 'sign-in', provider: 'github' },
    );
    assert.deepEqual(userErrorRemedy(new AiRequestError('invalid-key', 'Invalid key', 401)), {
      kind: 'sign-in',
      provider: 'ai',
    });
  });

  it('offers the runtime arguments for a missing OS keyring', () => {
    assert.deepEqual(userErrorRemedy(new SecretStorageUnavailableError(new Error('no keyring'))), {
      kind: 'configure-runtime-arguments',
    });
  });

  it('offers nothing where no button would fix it', () => {
    assert.equal(
      userErrorRemedy(new GithubRequestError({ kind: 'not-found', status: 404, message: 'x' })),
      undefined,
    );
    assert.equal(userErrorRemedy(new AiRequestError('rate-limited', 'wait', 429)), undefined);
    assert.equal(userErrorRemedy(new UserError('No folder is open.')), undefined);
    assert.equal(userErrorRemedy(fromAnotherBundle('NotConfiguredError')), undefined);
    assert.equal(userErrorRemedy(new Error('x')), undefined);
    assert.equal(userErrorRemedy(undefined), undefined);
  });
});
