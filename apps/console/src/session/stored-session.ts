import { useCallback, useEffect, useState } from 'react';
import { credentials } from '../api/client';
import type { SignInProvider } from './oidc-flow';

/** What a tab keeps of its session: the bearer token, when it expires, and who signed in how. */
export interface Stored {
  token: string;
  expiresAt: number;
  ttlMs: number;
  /** Password sessions: the username that signed in (and signs in again on renewal). */
  username?: string;
  /** Sessions of a state's identity provider: the provider that issued the token (and is asked again on renewal). */
  provider?: SignInProvider;
}

const KEY = 'coalition.session';

export const storedToken = (token: string, expiresIn: number, who: Pick<Stored, 'username' | 'provider'>): Stored => ({
  token, expiresAt: Date.now() + expiresIn * 1000, ttlMs: expiresIn * 1000, ...who,
});

// sessionStorage: a reload keeps the session, closing the tab ends it, other tabs sign in themselves.
const load = (): Stored | undefined => {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Stored | null;
    return stored && stored.expiresAt > Date.now() ? stored : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The tab's stored session and whether its token has expired (or been refused): `adopt` replaces
 * it (undefined signs out), and the api client carries its token from then on.
 */
export function useStoredSession() {
  const [stored, setStored] = useState<Stored | undefined>(() => {
    const initial = load();
    credentials.set(initial?.token);
    return initial;
  });
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
    if (!stored) return;
    const timer = setTimeout(() => setExpired(true), Math.max(0, stored.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [stored]);

  return { stored, expired, adopt };
}
