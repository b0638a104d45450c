import { Button, Checkbox, Fieldset, Form, Label, Select, Tag, TextInput } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { PagedTable } from '../../components/paged-table';
import { PageTitle } from '../../components/page-title';
import { ActionProblem, FieldProblem } from '../../components/problem';
import { QueryState } from '../../components/query-state';
import { useSession } from '../../session/session';
import { AdminNav } from './admin-nav';
import { Role, ROLES, User, usersQuery } from './admin.queries';
import { StateOptions } from './state-options';

const MIN_PASSWORD = 12;

export default function UsersPage() {
  const users = useQuery(usersQuery());
  return (
    <>
      <PageTitle title="Users">Users</PageTitle>
      <AdminNav />
      <QueryState query={users} what="the users">
        {(rows) => (
          <PagedTable
            caption="Users"
            rows={rows}
            rowKey={(row) => row.id}
            empty="No user yet."
            columns={[
              { header: 'Username', cell: (row) => row.username },
              { header: 'Name', cell: (row) => row.displayName },
              { header: 'Roles', cell: (row) => row.roles.join(', ') },
              { header: 'State', cell: (row) => row.stateCode ?? '—' },
              { header: 'Status', cell: (row) => (row.active ? <Tag className="bg-green">active</Tag> : <Tag className="bg-base-dark">deactivated</Tag>) },
              { header: 'Actions', cell: (row) => <UserActions user={row} /> },
            ]}
          />
        )}
      </QueryState>
      <CreateUser />
    </>
  );
}

function UserActions({ user }: { user: User }) {
  const deactivate = useCommand(() => unwrap(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id: user.id } } })));
  const self = useSession().me.id === user.id;
  if (!user.active) return null;
  // An admin's own password is changed from their account (POST /auth/password), not here.
  if (self) return <span>you</span>;
  return (
    <>
      <ResetPassword user={user} />
      <Button type="button" outline secondary disabled={deactivate.isPending} onClick={() => deactivate.mutate(undefined)}>
        Deactivate<span className="usa-sr-only"> {user.username}</span>
      </Button>
      <ActionProblem error={deactivate.error} heading={`Could not deactivate ${user.username}`} />
    </>
  );
}

/** For a user who lost their password: the admin sets a new one, and that user's sessions end. */
function ResetPassword({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const reset = useCommand((password: string) => unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user.id } }, body: { password } })));
  const id = `reset-${user.id}`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    if (password.length < MIN_PASSWORD) return setProblem(`The password needs at least ${MIN_PASSWORD} characters.`);
    setProblem(undefined);
    reset.mutate(password, { onSuccess: () => setOpen(false) });
  };
  return (
    <>
      {!open && (
        <Button type="button" outline onClick={() => setOpen(true)}>
          Reset password<span className="usa-sr-only"> of {user.username}</span>
        </Button>
      )}
      {open && (
        <form onSubmit={submit}>
          <label className="usa-label margin-top-0" htmlFor={id}>
            New password for {user.username}
          </label>
          {problem && (
            <span className="usa-error-message" id={`${id}-problem`} role="alert">
              {problem}
            </span>
          )}
          <input className="usa-input" id={id} name="password" type="password" autoComplete="new-password" required aria-describedby={problem ? `${id}-problem` : undefined} />
          <Button type="submit" disabled={reset.isPending}>
            Set the password<span className="usa-sr-only"> of {user.username}</span>
          </Button>
          <Button type="button" unstyled onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </form>
      )}
      <span aria-live="polite">{reset.isSuccess && !open ? `The password of ${user.username} is set; their sessions have ended.` : ''}</span>
      <ActionProblem error={reset.error} heading={`Could not reset the password of ${user.username}`} />
    </>
  );
}

type CreateUserBody = { username: string; password: string; displayName: string; roles: Role[]; stateCode?: string };

function createUserBody(data: FormData): CreateUserBody {
  return {
    username: String(data.get('username')).trim(),
    password: String(data.get('password')),
    displayName: String(data.get('displayName')).trim(),
    roles: data.getAll('roles').map(String) as Role[],
    ...(data.get('stateCode') ? { stateCode: String(data.get('stateCode')) } : {}),
  };
}

function CreateUser() {
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<string>();
  const [passwordProblem, setPasswordProblem] = useState<string>();
  const create = useCommand((body: CreateUserBody) => unwrap(api.POST('/api/v1/users', { body })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = createUserBody(new FormData(event.currentTarget));
    // The api's rule, said before the form is sent.
    if (body.password.length < MIN_PASSWORD) return setPasswordProblem(`The password needs at least ${MIN_PASSWORD} characters.`);
    setPasswordProblem(undefined);
    create.mutate(body, {
      onSuccess: () => {
        setCreated(body.username);
        setFormKey((key) => key + 1);
      },
    });
  };
  return (
    <Form key={formKey} onSubmit={submit} large>
      <CreateUserFields error={create.error} passwordProblem={passwordProblem} />
      <ActionProblem error={create.error} heading="Could not create the user" />
      <div aria-live="polite">{created && !create.error && <p>Created {created}.</p>}</div>
      <Button type="submit" disabled={create.isPending}>
        Create the user
      </Button>
    </Form>
  );
}

function CreateUserFields({ error, passwordProblem }: { error: unknown; passwordProblem?: string }) {
  return (
    <Fieldset legend="Create a user">
      <Label htmlFor="username">Username</Label>
      <TextInput id="username" name="username" type="text" required autoComplete="off" aria-describedby="username-problem" />
      <FieldProblem error={error} field="username" id="username-problem" />
      <Label htmlFor="displayName">Full name</Label>
      <TextInput id="displayName" name="displayName" type="text" required />
      <Label htmlFor="new-password">Password</Label>
      <span className="usa-hint" id="new-password-hint">
        At least {MIN_PASSWORD} characters. Give it to the person by a separate channel.
      </span>
      {passwordProblem && (
        <span className="usa-error-message" id="new-password-problem" role="alert">
          {passwordProblem}
        </span>
      )}
      <TextInput
        id="new-password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        validationStatus={passwordProblem ? 'error' : undefined}
        aria-describedby={`new-password-hint${passwordProblem ? ' new-password-problem' : ''}`}
      />
      <FieldProblem error={error} field="password" id="password-problem" />
      <Fieldset legend="Roles">
        {ROLES.map((role) => (
          <Checkbox key={role.value} id={`role-${role.value}`} name="roles" value={role.value} label={role.label} />
        ))}
      </Fieldset>
      <FieldProblem error={error} field="roles" id="roles-problem" />
      <Label htmlFor="stateCode">State</Label>
      <span className="usa-hint" id="stateCode-hint">
        Coordinators and counsel act for one state; auditors and administrators for none.
      </span>
      <Select id="stateCode" name="stateCode" aria-describedby="stateCode-hint">
        <option value="">No state</option>
        <StateOptions />
      </Select>
    </Fieldset>
  );
}
