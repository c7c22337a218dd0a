// A GET that fills one section of a page: loading, its data, or the error as a message.
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

export function useLoaded<T>(load: (() => Promise<T>) | null): { state: Loaded<T>; reload: () => void; set: (data: T) => void } {
  const { t, language } = useI18n();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!load) return;
    let cancelled = false;
    load()
      .then((data) => {
        if (!cancelled) setState({ status: 'ready', data });
      })
      .catch((error: unknown) => {
        const uiError = handleError(error, { t, language });
        if (!cancelled && uiError) setState({ status: 'error', message: uiError.message });
      });
    return () => {
      cancelled = true;
    };
    // Loaded once per round; t and language only shape an error message.
  }, [round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, reload, set };
}
