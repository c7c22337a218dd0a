import { describe, expect, it } from 'vitest';
import { dropEdit, editKey, keepEdit, pendingEdit, pendingKeys, type EditStorage } from './offline-edits';

/** window.localStorage's behaviour in a Map (the unit tests run under Node). */
function memoryStorage(): EditStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const isText = (v: unknown): v is string => typeof v === 'string';

describe('edits kept on this device', () => {
  it('are keyed by trajectory, kind and key', () => {
    expect(editKey(7, 'finding', 'VM5')).toBe('sterk.edit.7.finding.VM5');
  });

  it('keep the value with the version it was edited from, until dropped', () => {
    const storage = memoryStorage();
    const key = editKey(7, 'finding', 'VM5');
    expect(pendingEdit(storage, key, isText)).toBeNull();
    keepEdit(storage, key, { base: 3, value: 'offline getypt' });
    expect(pendingEdit(storage, key, isText)).toEqual({ base: 3, value: 'offline getypt' });
    keepEdit(storage, key, { base: 4, value: 'daarna verder' });
    expect(pendingEdit(storage, key, isText)).toEqual({ base: 4, value: 'daarna verder' });
    dropEdit(storage, key);
    expect(pendingEdit(storage, key, isText)).toBeNull();
  });

  it('ignore what cannot be read or is not a value of the right shape', () => {
    const storage = memoryStorage();
    storage.setItem('a', 'geen json');
    storage.setItem('b', JSON.stringify({ base: -1, value: 'x' }));
    storage.setItem('c', JSON.stringify({ base: 1.5, value: 'x' }));
    storage.setItem('d', JSON.stringify({ base: 1, value: 42 }));
    storage.setItem('e', JSON.stringify({ value: 'x' }));
    for (const key of ['a', 'b', 'c', 'd', 'e', 'missing']) {
      expect(pendingEdit(storage, key, isText), key).toBeNull();
    }
  });

  it('work without a storage (private mode) and survive a full one', () => {
    expect(pendingEdit(null, 'k', isText)).toBeNull();
    expect(() => keepEdit(null, 'k', { base: 0, value: 'x' })).not.toThrow();
    const full = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => keepEdit(full, 'k', { base: 0, value: 'x' })).not.toThrow();
  });

  it('lists the keys of one trajectory only', () => {
    const storage = memoryStorage();
    keepEdit(storage, editKey(7, 'finding', 'VM5'), { base: 0, value: 'a' });
    keepEdit(storage, editKey(7, 'part-a', 'sketch'), { base: 1, value: 'b' });
    keepEdit(storage, editKey(70, 'finding', 'VM5'), { base: 0, value: 'c' });
    storage.setItem('sterklabel.language', 'nl');
    expect(pendingKeys(storage, 7)).toEqual(['sterk.edit.7.finding.VM5', 'sterk.edit.7.part-a.sketch']);
    expect(pendingKeys(null, 7)).toEqual([]);
  });
});
