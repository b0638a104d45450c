import type { components } from '@coalition/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, credentials, unwrap } from '../api/client';
import { beginSignIn, CALLBACK_PATH, ProviderToken, SignInError, SignInProvider } from './oidc-flow';
import { Stored, storedToken, useStoredSession } from './stored-session';

export type Me = components['schemas']['Me'];
export type Role = Me['roles'][number];

export interface Session {
  me: Me;
  /** The username, or the principal's id when the identity provider gave none. */
  username: string;
  /** The state identity provider this session came from; none for a password session. */
  provider?: SignInProvider;
  expiresAt: number;
  /** How long a token lives. */
  ttlMs: number;
  /** The token has expired or been refused: the renewal dialog asks for the password (or the provider) again. */
  expired: boolean;
  signIn(username: string, password: string): Promise<void>;
  /** Signs in again as the same user, keeping every page and form as it is. */
  renew(password: string): Promise<void>;
  /** Sends the browser to the session's identity provider, coming back to this page signed in. */
  renewWithProvider(): Promise<void>;
  /** Goes on with a token the api handed out (a password change ends every earlier token). */
  adoptToken(accessToken: string, expiresIn: number): void;
  signOut(): void;
  has(role: Role): boolean;
}

/** What the sign-in page can do: a password sign-in, or take a token from a provider's code flow. */
export interface SignInActions {
  signIn: Session['signIn'];
  signInWithProviderToken(token: ProviderToken): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function login(username: string, password: string): Promise<Stored> {
  const answer = await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }), { passwordInBody: true });
  return storedToken(answer.accessToken, answer.expiresIn, { username });
}

const here = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;

/** "Who am I" for the stored session's principal; a session the api refuses is dropped. */
function useMe(stored: Stored | undefined, adopt: (next: Stored | undefined) => void) {
  const [me, setMe] = useState<Me | undefined>();
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
  }, [stored?.username ?? stored?.provider?.name, adopt]);
  return me;
}

/** Sign-ins: by password, or with a provider's token, which the api must accept before the session takes it. */
function useSignInActions(adopt: (next: Stored | undefined) => void): SignInActions {
  const queryClient = useQueryClient();
  const signIn = useCallback(async (username: string, password: string) => {
    queryClient.clear();
    adopt(await login(username, password));
  }, [adopt, queryClient]);
  const signInWithProviderToken = useCallback(async ({ provider, accessToken, expiresIn }: ProviderToken) => {
    credentials.set(accessToken);
    try {
      await unwrap(api.GET('/api/v1/auth/me'));
    } catch (error) {
      credentials.set(undefined);
      throw new SignInError(`Coalition did not accept the sign-in from ${provider.displayName}'s identity provider: ${error instanceof Error ? error.message : String(error)}`);
    }
    queryClient.clear();
    adopt(storedToken(accessToken, expiresIn, { provider }));
  }, [adopt, queryClient]);
  return useMemo(() => ({ signIn, signInWithProviderToken }), [signIn, signInWithProviderToken]);
}

export function SessionProvider({ children, signInPage }: { children: (session: Session) => ReactNode; signInPage: (actions: SignInActions) => ReactNode }) {
  const queryClient = useQueryClient();
  const { stored, expired, adopt } = useStoredSession();
  const me = useMe(stored, adopt);
  // The provider's way back is the sign-in page's, even for a session being renewed, until a sign-in succeeds.
  const [atCallback, setAtCallback] = useState(() => window.location.pathname === CALLBACK_PATH);
  const signedIn = useCallback((next: Stored | undefined) => {
    setAtCallback(false);
    adopt(next);
  }, [adopt]);
  const actions = useSignInActions(signedIn);

  const session = useMemo<Session | undefined>(() => {
    if (!stored || !me) return undefined;
    const who = { username: stored.username, provider: stored.provider };
    return {
      me,
      username: me.username ?? stored.username ?? me.id,
      provider: stored.provider,
      expiresAt: stored.expiresAt,
      ttlMs: stored.ttlMs,
      expired,
      signIn: actions.signIn,
      renew: async (password: string) => adopt(await login(stored.username ?? me.username ?? '', password)),
      renewWithProvider: () => (stored.provider ? beginSignIn(stored.provider, here()) : Promise.reject(new Error('This session was not opened at an identity provider.'))),
      adoptToken: (accessToken: string, expiresIn: number) => adopt(storedToken(accessToken, expiresIn, who)),
      signOut: () => {
        adopt(undefined);
        queryClient.clear();
      },
      has: (role: Role) => me.roles.includes(role),
    };
  }, [stored, me, expired, actions, adopt, queryClient]);

  if (!stored || atCallback) return <>{signInPage(actions)}</>;
  if (!session) return <p className="margin-4" role="status">Loading your session…</p>;
  return <SessionContext.Provider value={session}>{children(session)}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
