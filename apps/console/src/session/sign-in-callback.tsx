import { useEffect, useRef, useState } from 'react';
import { finishSignIn } from './oidc-flow';
import type { SignInActions } from './session';
import { SignInPage } from './sign-in-page';

/**
 * The provider sends the browser back here (`/auth/callback?code=…&state=…`): the code is
 * exchanged in the browser, the api must accept the token, and the console opens at the page the
 * sign-in started from. Anything that goes wrong is said on the sign-in page.
 */
export function SignInCallback({ actions }: { actions: SignInActions }) {
  const [error, setError] = useState<string>();
  const started = useRef(false);

  useEffect(() => {
    // Once: the code and the stored verifier can be used only once.
    if (started.current) return;
    started.current = true;
    const callback = new URL(window.location.href);
    finishSignIn(callback)
      .then(async (token) => {
        window.history.replaceState(null, '', token.returnTo);
        await actions.signInWithProviderToken(token);
      })
      .catch((caught: unknown) => {
        window.history.replaceState(null, '', '/');
        setError(caught instanceof Error ? caught.message : String(caught));
      });
  }, [actions]);

  if (error) return <SignInPage actions={actions} initialError={error} />;
  return (
    <main id="main-content">
      <p className="margin-4" role="status">
        Finishing your sign-in…
      </p>
    </main>
  );
}
