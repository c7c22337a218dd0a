import type { MessageKey } from './nl';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

export type MessageParams = Record<string, string | number>;

/** t(key, params) for a known key; t.optional(anyKey) returns null when the key does not exist. */
export interface Translate {
  (key: MessageKey, params?: MessageParams): string;
  optional(key: string, params?: MessageParams): string | null;
}
