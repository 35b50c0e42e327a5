import * as assert from 'node:assert/strict';
import { CancelledError, isCancelled } from '../../../../src/core/errors/cancelledError';

/** What a lazily loaded bundle (dist/ai-runtime.js) throws: its own copy of the class. */
class CancelledErrorOfAnotherBundle extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

describe('isCancelled', () => {
  it('matches this bundle’s CancelledError', () => {
    assert.equal(isCancelled(new CancelledError()), true);
  });

  it('matches a CancelledError of another bundle by its name', () => {
    const error = new CancelledErrorOfAnotherBundle();
    assert.equal(error instanceof CancelledError, false);
    assert.equal(isCancelled(error), true);
  });

  it('matches an AbortSignal’s AbortError and VS Code’s Canceled', () => {
    const controller = new AbortController();
    controller.abort();
    assert.equal(isCancelled(controller.signal.reason), true);
    const canceled = new Error('Canceled');
    canceled.name = 'Canceled';
    assert.equal(isCancelled(canceled), true);
  });

  it('does not match other errors or non-errors', () => {
    assert.equal(isCancelled(new Error('Cancelled')), false);
    assert.equal(isCancelled(new TypeError('x')), false);
    assert.equal(isCancelled({ name: 'CancelledError' }), false);
    assert.equal(isCancelled(undefined), false);
  });
});
