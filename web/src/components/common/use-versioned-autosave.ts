// Autosave of one versioned thing (a norm's finding, a Part A field, a rubric's documents): a change
// is saved after a pause (or at once), always over the version it was edited from.
// - Someone saved in between: the server answers 409 with what it has; `conflict` holds it until
//   the user keeps their own (saved over the stored version) or takes the stored one.
// - No connection: the edit stays on this device (utils/offline-edits.ts) and is sent when the
//   browser is back online, or when the page is opened again; status "offline".
// - No longer editable (409 without the stored value): status "closed" with the server's reason;
//   what was typed stays on the screen.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { browserStorage, dropEdit, keepEdit, pendingEdit } from '../../utils/offline-edits';

export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'error' | 'conflict' | 'closed';

/** A save's answer: stored (with the new version) or stale (with what the server has). */
export type SaveAnswer<V> = { kind: 'saved'; version: number } | { kind: 'stale'; value: V; version: number };

export interface Stored<V> {
  value: V;
  version: number;
}

export interface AutosaveOptions<V> {
  initial: V;
  version: number;
  /** Sends the value over `version`; throws ApiError for other refusals, TypeError without a network. */
  save: (value: V, version: number) => Promise<SaveAnswer<V>>;
  /** Where the unsaved edit is kept on this device; null: not kept. */
  storageKey: string | null;
  isValue: (value: unknown) => value is V;
  readOnly: boolean;
}

export interface Autosave<V> {
  value: V;
  status: SaveStatus;
  error: string | null;
  /** The request field the error is about (a 400 naming it), to mark that input. */
  errorField: string | null;
  conflict: Stored<V> | null;
  /** Takes a new value and saves it after `delay` ms (0: now). */
  change: (next: V, delay?: number) => void;
  /** Sends what is waiting now (leaving a field). */
  flush: () => void;
  keepMine: () => void;
  takeStored: () => void;
}

function isOffline(error: unknown): boolean {
  return error instanceof TypeError || (typeof navigator !== 'undefined' && navigator.onLine === false);
}

export function useVersionedAutosave<V>({ initial, version: initialVersion, save, storageKey, isValue, readOnly }: AutosaveOptions<V>): Autosave<V> {
  const { t, language } = useI18n();
  const storage = browserStorage();
  // An edit left on this device wins over the server's value: it is sent at once, over its own base.
  const [kept] = useState(() => {
    const edit = readOnly || !storageKey ? null : pendingEdit(storage, storageKey, isValue);
    if (edit && edit.base === initialVersion && JSON.stringify(edit.value) === JSON.stringify(initial)) {
      // The server already has exactly this (saved, but the answer never arrived): nothing to send.
      dropEdit(storage, storageKey!);
      return null;
    }
    return edit;
  });
  const [value, setValue] = useState<V>(kept ? kept.value : initial);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const [errorField, setErrorField] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Stored<V> | null>(null);
  const version = useRef(kept ? kept.base : initialVersion);
  const latest = useRef<V>(value);
  const dirty = useRef(kept !== null);
  const inFlight = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const conflictRef = useRef<Stored<V> | null>(null);
  const flushRef = useRef<() => void>(() => {});
  const saveRef = useRef(save);
  saveRef.current = save;

  function keep() {
    if (storageKey) keepEdit(storage, storageKey, { base: version.current, value: latest.current });
  }

  function drop() {
    if (storageKey) dropEdit(storage, storageKey);
  }

  async function flush() {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (readOnly || conflictRef.current || !dirty.current || inFlight.current) return;
    inFlight.current = true;
    dirty.current = false;
    setStatus('saving');
    try {
      const answer = await saveRef.current(latest.current, version.current);
      inFlight.current = false;
      if (answer.kind === 'stale') {
        conflictRef.current = { value: answer.value, version: answer.version };
        dirty.current = true; // the user's own edit is still unsaved (and kept on this device)
        setConflict(conflictRef.current);
        setStatus('conflict');
        return;
      }
      version.current = answer.version;
      setError(null);
      setErrorField(null);
      if (dirty.current) {
        keep();
        void flush();
      } else {
        drop();
        setStatus('saved');
      }
    } catch (caught) {
      inFlight.current = false;
      dirty.current = true;
      if (isOffline(caught)) {
        keep();
        setStatus('offline');
        return;
      }
      const uiError = handleError(caught, { t, language });
      setError(uiError?.message ?? t('autosave.failed'));
      setErrorField(uiError?.field ?? null);
      if (caught instanceof ApiError && caught.status === 409) {
        dirty.current = false;
        drop();
        setStatus('closed');
      } else {
        setStatus('error');
      }
    }
  }
  flushRef.current = () => void flush();

  useEffect(() => {
    // An edit kept from an earlier visit (or from before the connection dropped) is sent now.
    if (kept) flushRef.current();
    const online = () => {
      if (dirty.current) flushRef.current();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      // Leaving the page: what was typed but not yet sent is sent now (and is kept on the device).
      if (timer.current !== undefined) flushRef.current();
    };
  }, []);

  function change(next: V, delay = AUTOSAVE_DELAY_MS) {
    if (readOnly) return;
    latest.current = next;
    dirty.current = true;
    setValue(next);
    keep();
    if (conflictRef.current) return; // the user chooses first
    setStatus('pending');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => flushRef.current(), delay);
  }

  function keepMine() {
    const stored = conflictRef.current;
    if (!stored) return;
    version.current = stored.version;
    conflictRef.current = null;
    setConflict(null);
    dirty.current = true;
    keep();
    void flush();
  }

  function takeStored() {
    const stored = conflictRef.current;
    if (!stored) return;
    version.current = stored.version;
    latest.current = stored.value;
    conflictRef.current = null;
    dirty.current = false;
    drop();
    setConflict(null);
    setValue(stored.value);
    setStatus('saved');
  }

  return {
    value,
    status,
    error,
    errorField,
    conflict,
    change,
    flush: () => {
      if (timer.current !== undefined) flushRef.current();
    },
    keepMine,
    takeStored,
  };
}
