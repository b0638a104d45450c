import { Alert, Form } from '@trussworks/react-uswds';
import { FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { ChangePasswordBody } from '../../api/types';
import { useCommand } from '../../api/use-command';
import { text, TextField } from '../../components/fields';
import { FormActions } from '../../components/form-actions';
import { PageTitle } from '../../components/page-title';
import { useSession } from '../../session/session';

const MIN_LENGTH = 12;

/** Change my password: the api ends every earlier token and hands this tab a fresh one. */
export default function ChangePasswordPage() {
  const session = useSession();
  const [mismatch, setMismatch] = useState<string>();
  const [done, setDone] = useState(false);
  const change = useCommand((body: ChangePasswordBody) => unwrap(api.POST('/api/v1/auth/password', { body }), { passwordInBody: true }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('confirmPassword') ?? '')) return setMismatch('The two new passwords are not the same.');
    setMismatch(undefined);
    setDone(false);
    change.mutateAsync({ currentPassword: text(form, 'currentPassword'), newPassword }).then(
      (answer) => {
        session.adoptToken(answer.accessToken, answer.expiresIn);
        element.reset();
        setDone(true);
      },
      () => undefined,
    );
  };

  return (
    <>
      <PageTitle title="Change my password">Change my password</PageTitle>
      <p>Signed in as {session.username}. Changing the password signs you out everywhere else.</p>
      {done && (
        <Alert type="success" headingLevel="h2" heading="Password changed" slim role="status">
          Your other sessions have ended; this one goes on.
        </Alert>
      )}
      <Form onSubmit={submit}>
        <input type="text" name="username" autoComplete="username" value={session.username} readOnly hidden />
        <TextField name="currentPassword" label="Current password" type="password" required error={change.error} />
        <TextField name="newPassword" label="New password" type="password" required hint={`At least ${MIN_LENGTH} characters.`} error={change.error} />
        <TextField name="confirmPassword" label="New password again" type="password" required message={mismatch} />
        <FormActions command={change} problem="The password was not changed">
          Change password
        </FormActions>
      </Form>
    </>
  );
}
