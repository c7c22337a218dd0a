import { describe, expect, it } from 'vitest';
import { isValidEmail } from './email';

describe('isValidEmail', () => {
  it('accepts ordinary addresses, with spaces around them', () => {
    expect(isValidEmail('a@b.nl')).toBe(true);
    expect(isValidEmail('  voor.naam+label@sub.domein-x.nl ')).toBe(true);
  });

  it('refuses what the server refuses', () => {
    for (const bad of ['', 'geen-email', 'a@b', '@b.nl', 'a@@b.nl', 'a@b.nl.', 'a@.nl', 'a b@c.nl', 'a<b@c.nl', 'a@c.nl,b@d.nl', 'a@c.nl\nBcc: x@y.nl']) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
  });
});
