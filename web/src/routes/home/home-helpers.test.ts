import { describe, expect, it } from 'vitest';
import { formatMoment, webcalUrl } from './home-helpers';

describe('home helpers', () => {
  it('show a moment with its date and time', () => {
    // 2026-12-01 13:05 UTC
    const moment = Date.UTC(2026, 11, 1, 13, 5) / 1000;
    expect(formatMoment(moment, 'nl', 'UTC')).toBe('1 dec 2026, 13:05');
    expect(formatMoment(moment, 'en', 'UTC')).toBe('1 Dec 2026, 13:05');
  });

  it('turn a feed URL into a subscription link', () => {
    expect(webcalUrl('https://sterklabel.example/api/v1/calendar/abc.ics')).toBe('webcal://sterklabel.example/api/v1/calendar/abc.ics');
    expect(webcalUrl('http://127.0.0.1:8080/api/v1/calendar/abc.ics')).toBe('webcal://127.0.0.1:8080/api/v1/calendar/abc.ics');
  });
});
