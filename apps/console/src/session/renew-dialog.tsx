import { Alert, Button, Label, TextInput } from '@trussworks/react-uswds';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/problem';
import type { SignInProvider } from './oidc-flow';
import { useSession } from './session';

/** Ask again a minute before the token expires (a third of its life, for short-lived tokens). */
export const renewAheadMs = (ttlMs: number) => Math.min(60_000, ttlMs / 3);

/**
 * Before the token expires (and at once if the api refuses it), a dialog over the page asks for
 * the password again. The page beneath stays mounted, so a half-filled form is kept as it was.
 */
export function RenewDialog() {
  const session = useSession();
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string>();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const left = session.expiresAt - now;
  const open = session.expired || left <= renewAheadMs(session.ttlMs);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('renew-password'));
    try {
      await session.renew(password);
      setError(undefined);
      event.currentTarget?.reset();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <dialog ref={dialog} aria-labelledby="renew-heading" className="renew-dialog" onCancel={(event) => event.preventDefault()}>
      <h2 id="renew-heading" className="margin-top-0">
        {session.expired || left <= 0 ? 'Your session has ended' : `Your session ends in ${Math.ceil(left / 1000)} seconds`}
      </h2>
      {session.provider ? (
        <ProviderRenewal />
      ) : (
        <PasswordRenewal error={error} submit={submit} />
      )}
    </dialog>
  );
}

function PasswordRenewal({ error, submit }: { error?: string; submit: (event: FormEvent<HTMLFormElement>) => Promise<void> }) {
  const session = useSession();
  return (
    <>
      <p>Enter your password to stay signed in as {session.username}. Your work on this page is kept.</p>
      <form onSubmit={submit}>
        {error && (
          <Alert type="error" headingLevel="h3" slim role="alert">
            {error}
          </Alert>
        )}
        <input type="text" name="username" autoComplete="username" value={session.username} readOnly hidden />
        <Label htmlFor="renew-password">Password</Label>
        <TextInput id="renew-password" name="renew-password" type="password" autoComplete="current-password" required />
        <Button type="submit">Stay signed in</Button>
        <Button type="button" unstyled className="margin-left-2" onClick={session.signOut}>
          Sign out
        </Button>
      </form>
    </>
  );
}

/** A provider's session is renewed where it began: the browser goes there and comes back to this page (unsaved input is lost). */
function ProviderRenewal() {
  const session = useSession();
  const [error, setError] = useState<string>();
  const provider = session.provider as SignInProvider;
  const again = async () => {
    try {
      await session.renewWithProvider();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <>
      <p>
        You signed in as {session.username} with {provider.displayName}&apos;s identity provider. Sign in there again to go on: you come back to this page, but
        anything not yet saved on it is lost.
      </p>
      {error && (
        <Alert type="error" headingLevel="h3" slim role="alert">
          {error}
        </Alert>
      )}
      <Button type="button" onClick={() => void again()}>
        Sign in again with {provider.displayName}&apos;s identity provider
      </Button>
      <Button type="button" unstyled className="margin-left-2" onClick={session.signOut}>
        Sign out
      </Button>
    </>
  );
}
