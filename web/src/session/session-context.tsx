// Who is signed in: loaded from GET /api/v1/session on start (200 also when nobody is, so a signed-out
// page logs no error), set by login, cleared by logout or any 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, unwrap } from '../api/api-error';
import { api, csrfHeader, setCsrfToken, type Organisation, type User } from '../api/client';
import { setUnauthenticatedListener } from '../utils/handle-error';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; user: User; organisation: Organisation | null };

/** Why the user lands on /inloggen; shown there as a notice. */
export type LoginNotice = 'signed-out' | 'expired';

interface SessionValue {
  session: SessionState;
  /** Shown once on /inloggen after a logout or an expired session. */
  loginNotice: LoginNotice | null;
  clearLoginNotice: () => void;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

async function fetchSession(): Promise<SessionState> {
  const answer = await unwrap(api.GET('/api/v1/session'));
  if (!answer.user) {
    setCsrfToken(null);
    return { status: 'anonymous' };
  }
  setCsrfToken(answer.csrf_token ?? null);
  return { status: 'signed-in', user: answer.user, organisation: answer.organisation ?? null };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [loginNotice, setLoginNotice] = useState<LoginNotice | null>(null);
  const clearLoginNotice = useCallback(() => setLoginNotice(null), []);
  const navigate = useNavigate();

  useEffect(() => {
    let cancelled = false;
    fetchSession()
      .then((state) => {
        if (!cancelled) {
          setSession(state);
        }
      })
      .catch(() => {
        // The server is unreachable or failing: treat as signed out; pages show their own errors.
        if (!cancelled) {
          setSession({ status: 'anonymous' });
        }
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    setUnauthenticatedListener(() => {
      setCsrfToken(null);
      setSession({ status: 'anonymous' });
      setLoginNotice('expired');
      const here = window.location.pathname + window.location.search;
      const back = here.startsWith('/inloggen') ? '' : `?terug=${encodeURIComponent(here)}`;
      navigate(`/inloggen${back}`, { replace: true });
    });
    return () => setUnauthenticatedListener(null);
  }, [navigate]);

  const login = useCallback(async (email: string, password: string) => {
    const answer = await unwrap(api.POST('/api/v1/session', { body: { email, password } }));
    setCsrfToken(answer.csrf_token);
    setLoginNotice(null);
    const state = await fetchSession();
    setSession(state.status === 'signed-in' ? state : { status: 'signed-in', user: answer.user, organisation: null });
  }, []);

  const logout = useCallback(async () => {
    try {
      await unwrap(api.DELETE('/api/v1/session', { params: { header: csrfHeader() } }));
    } catch (error) {
      // Already signed out on the server (401) is fine; anything else is reported by the caller.
      if (!(error instanceof ApiError && error.status === 401)) {
        throw error;
      }
    }
    setCsrfToken(null);
    setSession({ status: 'anonymous' });
    setLoginNotice('signed-out');
    navigate('/inloggen', { replace: true });
  }, [navigate]);

  const value = useMemo(
    () => ({ session, loginNotice, clearLoginNotice, login, logout }),
    [session, loginNotice, clearLoginNotice, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession outside SessionProvider');
  }
  return value;
}
