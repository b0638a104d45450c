import { Alert, Button, Fieldset, Form, GridContainer, Label, TextInput } from '@trussworks/react-uswds';
import { FormEvent, useState } from 'react';
import { describeError } from '../api/problem';
import { ProviderButtons } from './provider-buttons';
import type { SignInActions } from './session';

export function SignInPage({ actions, initialError }: { actions: SignInActions; initialError?: string }) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await actions.signIn(String(data.get('username')), String(data.get('password')));
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  return (
    <main id="main-content">
      <GridContainer className="padding-y-4">
        <h1>Sign in to Coalition</h1>
        {error && (
          <Alert type="error" headingLevel="h2" heading="Could not sign in" slim role="alert">
            {error}
          </Alert>
        )}
        <Form onSubmit={submit} large>
          <Fieldset legend="Your account" legendStyle="srOnly">
            <Label htmlFor="username">Username</Label>
            <TextInput id="username" name="username" type="text" autoComplete="username" autoCapitalize="off" spellCheck={false} required />
            <Label htmlFor="password">Password</Label>
            <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
            <Button type="submit" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </Button>
          </Fieldset>
        </Form>
        <ProviderButtons onError={setError} />
      </GridContainer>
    </main>
  );
}
