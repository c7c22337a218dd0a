import { describe, expect, it } from 'vitest';
import { statusFromSearch } from './outbox-helpers';

describe('the outbox filter', () => {
  it('takes a known status from the address and ignores anything else', () => {
    expect(statusFromSearch('failed')).toBe('failed');
    expect(statusFromSearch('pending')).toBe('pending');
    expect(statusFromSearch('verstuurd')).toBeNull();
    expect(statusFromSearch('')).toBeNull();
    expect(statusFromSearch(null)).toBeNull();
  });
});
