import type { components } from '@coalition/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, credentials, unwrap } from '../api/client';

export type Me = components['schemas']['Me'];
export type Role = Me['roles'][number];

interface Stored {
  token: string;
  expiresAt: number;
  ttlMs: number;
  username: string;
}

export interface Session {
  me: Me;
  username: string;
  expiresAt: number;
  /** How long a token lives. */
  ttlMs: number;
  /** The token has expired or been refused: the renewal dialog asks for the password again. */
  expired: boolean;
  signIn(username: string, password: string): Promise<void>;
  /** Signs in again as the same user, keeping every page and form as it is. */
  renew(password: string): Promise<void>;
  /** Goes on with a token the api handed out (a password change ends every earlier token). */
  adoptToken(accessToken: string, expiresIn: number): void;
  signOut(): void;
  has(role: Role): boolean;
}

const SessionContext = createContext<Session | null>(null);
const KEY = 'coalition.session';

// sessionStorage: a reload keeps the session, closing the tab ends it, other tabs sign in themselves.
const load = (): Stored | undefined => {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Stored | null;
    return stored && stored.expiresAt > Date.now() ? stored : undefined;
  } catch {
    return undefined;
  }
};

async function login(username: string, password: string): Promise<Stored> {
  const answer = await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }), { passwordInBody: true });
  return { token: answer.accessToken, expiresAt: Date.now() + answer.expiresIn * 1000, ttlMs: answer.expiresIn * 1000, username };
}

export function SessionProvider({ children, signInPage }: { children: (session: Session) => ReactNode; signInPage: (signIn: Session['signIn']) => ReactNode }) {
  const queryClient = useQueryClient();
  const [stored, setStored] = useState<Stored | undefined>(() => {
    const initial = load();
    credentials.set(initial?.token);
    return initial;
  });
  const [me, setMe] = useState<Me | undefined>();
  const [expired, setExpired] = useState(false);

  const adopt = useCallback((next: Stored | undefined) => {
    credentials.set(next?.token);
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
    setStored(next);
    setExpired(false);
  }, []);

  useEffect(() => credentials.onUnauthenticated(() => setExpired(true)), []);

  useEffect(() => {
    if (!stored) {
      setMe(undefined);
      return;
    }
    let cancelled = false;
    unwrap(api.GET('/api/v1/auth/me')).then(
      (answer) => !cancelled && setMe(answer),
      () => !cancelled && adopt(undefined),
    );
    return () => {
      cancelled = true;
    };
    // Only a new user (not a renewed token) needs /auth/me again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored?.username, adopt]);

  useEffect(() => {
    if (!stored) return;
    const timer = setTimeout(() => setExpired(true), Math.max(0, stored.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [stored]);

  const signIn = useCallback(async (username: string, password: string) => {
    queryClient.clear();
    adopt(await login(username, password));
  }, [adopt, queryClient]);

  const session = useMemo<Session | undefined>(() => {
    if (!stored || !me) return undefined;
    return {
      me,
      username: stored.username,
      expiresAt: stored.expiresAt,
      ttlMs: stored.ttlMs,
      expired,
      signIn,
      renew: async (password: string) => adopt(await login(stored.username, password)),
      adoptToken: (accessToken: string, expiresIn: number) =>
        adopt({ token: accessToken, expiresAt: Date.now() + expiresIn * 1000, ttlMs: expiresIn * 1000, username: stored.username }),
      signOut: () => {
        adopt(undefined);
        queryClient.clear();
      },
      has: (role: Role) => me.roles.includes(role),
    };
  }, [stored, me, expired, signIn, adopt, queryClient]);

  if (!stored) return <>{signInPage(signIn)}</>;
  if (!session) return <p className="margin-4" role="status">Loading your session…</p>;
  return <SessionContext.Provider value={session}>{children(session)}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
