// Unsaved edits kept on this device: one entry per edited thing (a norm's finding, a Part A field,
// a rubric's documents) under "sterk.edit.<trajectory>.<kind>.<key>", with the version it was edited
// from. They are written on every change and removed once the server has the edit, so an edit made
// without a connection, or on a page closed before it was sent, is sent when the page is opened
// again or the browser is back online; a version the server no longer has gives the both-texts choice.

/** The part of the Web Storage API used here (window.localStorage, or a map in the unit tests). */
export interface EditStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PendingEdit<V> {
  /** The server's version the edit was made from. */
  base: number;
  value: V;
}

const PREFIX = 'sterk.edit.';

export function editKey(trajectoryId: number, kind: string, key: string): string {
  return `${PREFIX}${trajectoryId}.${kind}.${key}`;
}

/** The storage of this browser, or null where there is none (private mode may refuse it). */
export function browserStorage(): EditStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function keepEdit<V>(storage: EditStorage | null, key: string, edit: PendingEdit<V>): void {
  try {
    storage?.setItem(key, JSON.stringify(edit));
  } catch {
    // A full or refused storage: the edit is still on the screen and sent when possible.
  }
}

export function dropEdit(storage: EditStorage | null, key: string): void {
  storage?.removeItem(key);
}

/** The edit kept under `key`, or null when there is none or it cannot be read. */
export function pendingEdit<V>(storage: EditStorage | null, key: string, isValue: (v: unknown) => v is V): PendingEdit<V> | null {
  const text = storage?.getItem(key);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as { base?: unknown; value?: unknown };
    if (typeof parsed.base !== 'number' || !Number.isInteger(parsed.base) || parsed.base < 0) return null;
    if (!isValue(parsed.value)) return null;
    return { base: parsed.base, value: parsed.value };
  } catch {
    return null;
  }
}

/** The keys of every edit kept for one trajectory (all kinds), e.g. to say "3 wijzigingen wachten". */
export function pendingKeys(storage: EditStorage | null, trajectoryId: number): string[] {
  if (!storage) return [];
  const prefix = `${PREFIX}${trajectoryId}.`;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys.sort();
}
