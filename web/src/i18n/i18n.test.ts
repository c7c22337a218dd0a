import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { makeTranslate } from './translate';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe('dictionaries', () => {
  it('have the same keys in Dutch and English', () => {
    const nlKeys = Object.keys(nl).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((key) => !nlKeys.includes(key))).toEqual([]);
    expect(nlKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
  });

  it('have no empty texts and the same placeholders per key', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(nl[key].trim(), `nl ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('fills in placeholders and knows missing optional keys', () => {
    const t = makeTranslate('nl');
    expect(t('home.welcome', { name: 'Anna' })).toBe('Welkom, Anna');
    expect(t.optional('does.not.exist')).toBeNull();
    expect(makeTranslate('en')('home.actionTitle')).toBe('What needs my action now?');
    expect(t('home.actionTitle')).toBe('Wat vraagt nu mijn actie?');
  });
});
