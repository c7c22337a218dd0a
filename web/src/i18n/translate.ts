import { en } from './en';
import { nl, type MessageKey, type Messages } from './nl';
import type { Language, MessageParams, Translate } from './types';

export const dictionaries: Record<Language, Messages> = { nl, en };

function interpolate(text: string, params?: MessageParams): string {
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function makeTranslate(language: Language): Translate {
  const messages = dictionaries[language];
  const translate = ((key: MessageKey, params?: MessageParams) => interpolate(messages[key] ?? key, params)) as Translate;
  translate.optional = (key: string, params?: MessageParams) => {
    const text = (messages as Record<string, string>)[key];
    return text === undefined ? null : interpolate(text, params);
  };
  return translate;
}
