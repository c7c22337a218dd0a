import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { makeTranslate } from '../i18n/translate';
import { describeError, handleError, setUnauthenticatedListener } from './handle-error';

const nl = { t: makeTranslate('nl'), language: 'nl' as const };
const en = { t: makeTranslate('en'), language: 'en' as const };

afterEach(() => setUnauthenticatedListener(null));

describe('describeError', () => {
  it('shows the server message in Dutch, with its field', () => {
    const error = new ApiError(400, {
      code: 'invalid_argument',
      message: 'Het wachtwoord moet minstens 10 tekens hebben.',
      field: 'password',
    });
    expect(describeError(error, nl)).toEqual({
      kind: 'invalid',
      code: 'invalid_argument',
      field: 'password',
      message: 'Het wachtwoord moet minstens 10 tekens hebben.',
    });
  });

  it('uses the English dictionary by code and field', () => {
    const error = new ApiError(400, { code: 'invalid_argument', message: 'Deze link is verlopen.', field: 'token' });
    expect(describeError(error, en).message).toBe('This link is invalid, already used or expired.');
    const other = new ApiError(409, { code: 'failed_precondition', message: 'Kan niet.' });
    expect(describeError(other, en).message).toBe('This cannot be done at this step.');
  });

  it('maps statuses to kinds', () => {
    expect(describeError(new ApiError(401, { code: 'unauthenticated', message: 'x' }), nl).kind).toBe('unauthenticated');
    expect(describeError(new ApiError(403, { code: 'permission_denied', message: 'x' }), nl).kind).toBe('forbidden');
    expect(describeError(new ApiError(403, { code: 'csrf', message: 'x' }), nl).kind).toBe('forbidden');
    expect(describeError(new ApiError(404, { code: 'not_found', message: 'x' }), nl).kind).toBe('not-found');
    expect(describeError(new ApiError(429, { code: 'resource_exhausted', message: 'x' }), nl).kind).toBe('invalid');
    expect(describeError(new ApiError(500, { code: 'internal', message: 'x' }), nl).kind).toBe('other');
  });

  it('copes with a body that is not an error object', () => {
    const result = describeError(new ApiError(502, '<html>Bad gateway</html>'), nl);
    expect(result).toMatchObject({ kind: 'other', code: null, field: null });
    expect(result.message).toBe('De server is tijdelijk niet bereikbaar. Probeer het later opnieuw.');
    expect(describeError(new ApiError(418, null), en).message).toContain('418');
  });

  it('treats a failed fetch as a network error', () => {
    expect(describeError(new TypeError('Failed to fetch'), nl)).toMatchObject({
      kind: 'network',
      message: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    });
  });
});

describe('handleError', () => {
  it('sends a 401 to the login page, except where disabled', () => {
    const listener = vi.fn();
    setUnauthenticatedListener(listener);
    const error = new ApiError(401, { code: 'unauthenticated', message: 'Log opnieuw in.' });
    handleError(error, nl);
    expect(listener).toHaveBeenCalledTimes(1);
    const shown = handleError(error, { ...nl, redirectOnUnauthenticated: false });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(shown?.message).toBe('Log opnieuw in.');
  });

  it('ignores aborted requests', () => {
    expect(handleError(new DOMException('aborted', 'AbortError'), nl)).toBeNull();
  });
});
