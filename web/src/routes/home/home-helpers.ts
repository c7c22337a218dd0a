// Pure helpers for the home page's notifications, calendar feed and outbox times.
import type { Language } from '../../i18n/types';

/** A moment (Unix seconds) as the user reads it: "1 dec 2026, 14:05" / "1 Dec 2026, 14:05". */
export function formatMoment(unixSeconds: number, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(unixSeconds * 1000));
}

/** The webcal:// form of a feed URL, which Outlook and Apple Calendar open as a subscription. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}
