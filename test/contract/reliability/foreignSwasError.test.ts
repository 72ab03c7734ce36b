// Found by the two-window run in code-server: a SwasError made by another copy of the core module
// (the bundled extension's client next to the transpiled controller) failed `instanceof`, so the
// form reported CustomImageQuotaLimit as an unknown, retryable "Transport.Failed".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSwasError } from '../../../src/core/errorMapping';
import { isSwasError, SwasError } from '../../../src/core/errors';

/** A second copy of the class, as a second bundle of the module would define it. */
class ForeignSwasError extends Error {
  override readonly name = 'SwasError';
  constructor(
    readonly code: string,
    readonly retryable: boolean,
    readonly requestId?: string,
  ) {
    super('The maximum number of custom image in this region is exceeded.');
  }
}

describe('SwasError from another module copy', () => {
  it('is recognised by isSwasError and passes through toSwasError unchanged', () => {
    const foreign = new ForeignSwasError('CustomImageQuotaLimit', false, 'R-1');
    assert.equal(isSwasError(foreign), true);
    assert.equal(toSwasError(foreign), foreign);
    assert.equal(toSwasError(foreign).code, 'CustomImageQuotaLimit');
  });

  it('is not fooled by look-alikes that are not errors or lack the fields', () => {
    assert.equal(isSwasError({ name: 'SwasError', code: 'X', retryable: false }), false);
    assert.equal(isSwasError(Object.assign(new Error('x'), { name: 'SwasError' })), false);
    assert.equal(isSwasError(new SwasError({ code: 'X', message: 'm', retryable: true })), true);
  });
});
