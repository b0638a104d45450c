import { Fieldset, Form, Label, Select, Textarea, TextInput } from '@trussworks/react-uswds';
import { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { FormActions } from '../../components/form-actions';
import { PageTitle } from '../../components/page-title';
import { FieldProblem } from '../../components/problem';
import { useSession } from '../../session/session';
import { KIND_LABELS, LegalAction } from './legal.queries';

/** Counsel opens a joint legal response; their state becomes its lead and first signatory. */
export default function OpenLegalActionPage() {
  const session = useSession();
  const navigate = useNavigate();
  const open = useCommand((body: OpenActionBody) => openAction(body));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    open.mutate(openBody(new FormData(event.currentTarget)), { onSuccess: (answer) => navigate(`/legal-actions/${answer.id}`) });
  };

  if (!session.has('counsel')) return <p role="alert">Only counsel of a state may open a legal action.</p>;
  return (
    <>
      <PageTitle title="Open a legal action">Open a legal action</PageTitle>
      <p>Your state, {session.me.stateCode}, leads the action and signs it first.</p>
      <Form onSubmit={submit} large>
        <Fieldset legend="The action">
          <Label htmlFor="kind">Kind</Label>
          <Select id="kind" name="kind" defaultValue="amicus-brief" required>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Label htmlFor="title">Title</Label>
          <TextInput id="title" name="title" type="text" required aria-describedby="title-problem" />
          <FieldProblem error={open.error} field="title" id="title-problem" />
          <Label htmlFor="summary">Summary</Label>
          <Textarea id="summary" name="summary" required aria-describedby="summary-problem" />
          <FieldProblem error={open.error} field="summary" id="summary-problem" />
          <Label htmlFor="forum">Forum</Label>
          <TextInput id="forum" name="forum" type="text" required aria-describedby="forum-hint" />
          <span className="usa-hint" id="forum-hint">
            The court or agency, for example U.S. Court of Appeals for the Ninth Circuit
          </span>
          <Label htmlFor="signOnDeadline">Sign-on deadline (your time zone)</Label>
          <input className="usa-input" id="signOnDeadline" name="signOnDeadline" type="datetime-local" required aria-describedby="signOnDeadline-problem" />
          <FieldProblem error={open.error} field="signOnDeadline" id="signOnDeadline-problem" />
          <Label htmlFor="compactId" hint=" (optional)">
            Compact id
          </Label>
          <TextInput id="compactId" name="compactId" type="text" aria-describedby="compactId-problem" />
          <FieldProblem error={open.error} field="compactId" id="compactId-problem" />
        </Fieldset>
        <FormActions command={open} problem="Could not open the action">
          {open.isPending ? 'Opening…' : 'Open the action'}
        </FormActions>
      </Form>
    </>
  );
}

type OpenActionBody = { kind: LegalAction['kind']; title: string; summary: string; forum: string; signOnDeadline: string; compactId?: string };

function openBody(data: FormData): OpenActionBody {
  const deadline = new Date(String(data.get('signOnDeadline')));
  return {
    kind: String(data.get('kind')) as LegalAction['kind'],
    title: String(data.get('title')),
    summary: String(data.get('summary')),
    forum: String(data.get('forum')),
    // The field is the reader's local time; the api wants an instant.
    signOnDeadline: Number.isNaN(deadline.getTime()) ? String(data.get('signOnDeadline')) : deadline.toISOString(),
    ...(data.get('compactId') ? { compactId: String(data.get('compactId')) } : {}),
  };
}

function openAction(body: OpenActionBody) {
  return unwrap(api.POST('/api/v1/legal-actions', { body }));
}
