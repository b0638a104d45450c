import { Button, Fieldset, Form, Label, Select, Tag, Textarea, TextInput } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { components } from '@coalition/api-client';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { DateTime } from '../../components/date-time';
import { PagedTable } from '../../components/paged-table';
import { PageTitle } from '../../components/page-title';
import { ActionProblem, FieldProblem } from '../../components/problem';
import { QueryState } from '../../components/query-state';
import { useSession } from '../../session/session';
import { DocumentHashInput } from './document-hash-input';
import { signOnLeft } from './legal-actions-page';
import { KIND_LABELS, LegalAction, legalActionQuery, STATUS_LABELS } from './legal.queries';

type Development = components['schemas']['Development'];
const DEVELOPMENT_KINDS: Development['kind'][] = ['order', 'ruling', 'injunction', 'appeal', 'judgment', 'settlement', 'dismissal'];
const OUTCOMES: NonNullable<LegalAction['outcome']>[] = ['won', 'lost', 'settled', 'mixed', 'withdrawn'];
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export default function LegalActionPage() {
  const { id = '' } = useParams();
  const action = useQuery(legalActionQuery(id));
  return (
    <QueryState query={action} what="the legal action">
      {(data) => <LegalActionView action={data} />}
    </QueryState>
  );
}

function LegalActionView({ action }: { action: LegalAction }) {
  const session = useSession();
  const myState = session.has('counsel') ? session.me.stateCode : null;
  const isLead = myState === action.leadState;
  const signed = !!myState && action.signatories.some((s) => s.stateCode === myState);
  const beforeDeadline = new Date(action.signOnDeadline).getTime() > Date.now();

  return (
    <>
      <PageTitle title={action.title}>{action.title}</PageTitle>
      <p>
        <Tag className={action.status === 'open' ? 'bg-primary' : 'bg-base-dark'}>{STATUS_LABELS[action.status]}</Tag> {KIND_LABELS[action.kind]} before{' '}
        {action.forum}, led by {action.leadState}.
      </p>
      <p>{action.summary}</p>
      <dl>
        <dt>Sign-on deadline</dt>
        <dd>
          <DateTime value={action.signOnDeadline} /> ({signOnLeft(action)})
        </dd>
        <dt>Opened</dt>
        <dd>
          <DateTime value={action.openedAt} /> by {action.openedBy}
        </dd>
        {action.compactId && (
          <>
            <dt>Compact</dt>
            <dd>
              <Link to={`/compacts/${action.compactId}`}>{action.compactId}</Link>
            </dd>
          </>
        )}
        {(session.has('auditor') || session.has('admin')) && (
          <>
            <dt>Audit history</dt>
            <dd>
              <Link to={`/audit/streams/${encodeURIComponent(action.streamId)}`}>{action.streamId}</Link>
            </dd>
          </>
        )}
      </dl>

      <h2>Signatories</h2>
      <PagedTable
        caption={`States signed on to ${action.title}`}
        rows={action.signatories}
        rowKey={(row) => row.stateCode}
        empty="No state has signed."
        columns={[
          { header: 'State', cell: (row) => `${row.stateCode}${row.stateCode === action.leadState ? ' (lead)' : ''}` },
          { header: 'Signed', cell: (row) => <DateTime value={row.signedAt} /> },
          { header: 'Signed by', cell: (row) => row.signedBy },
        ]}
      />
      {myState && action.status === 'open' && <SignOn action={action} state={myState} signed={signed} isLead={isLead} beforeDeadline={beforeDeadline} />}

      {action.filing ? (
        <>
          <h2>Filing</h2>
          <dl>
            <dt>Filed on</dt>
            <dd>{action.filing.filedOn}</dd>
            <dt>Docket number</dt>
            <dd>{action.filing.docketNumber}</dd>
            <dt>Document SHA-256</dt>
            <dd className="font-mono-2xs" style={{ overflowWrap: 'anywhere' }}>
              {action.filing.documentSha256}
            </dd>
            {action.filing.documentUri && (
              <>
                <dt>Document</dt>
                <dd>
                  <a href={action.filing.documentUri}>{action.filing.documentUri}</a>
                </dd>
              </>
            )}
          </dl>
        </>
      ) : (
        isLead && action.status === 'open' && <FileAction action={action} />
      )}

      <h2>Developments</h2>
      <Timeline developments={action.developments} />
      {signed && action.status === 'filed' && <RecordDevelopment action={action} />}

      {action.status === 'closed' ? (
        <>
          <h2>Outcome</h2>
          <p>
            <strong>{capitalise(action.outcome ?? '')}</strong>
            {action.closedAt && (
              <>
                , closed <DateTime value={action.closedAt} />
              </>
            )}
            . {action.outcomeSummary}
          </p>
        </>
      ) : (
        isLead && <CloseAction action={action} />
      )}
    </>
  );
}

function SignOn({ action, state, signed, isLead, beforeDeadline }: { action: LegalAction; state: string; signed: boolean; isLead: boolean; beforeDeadline: boolean }) {
  const sign = useCommand(() => unwrap(api.POST('/api/v1/legal-actions/{id}/signatories', { params: { path: { id: action.id } }, body: {} })));
  const withdraw = useCommand(() =>
    unwrap(api.DELETE('/api/v1/legal-actions/{id}/signatories/{code}', { params: { path: { id: action.id, code: state } } })),
  );
  if (isLead) return null;
  return (
    <section aria-label="Your state's signature">
      {signed ? (
        <>
          <p>{state} has signed on.</p>
          <Button type="button" outline disabled={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
            Withdraw {state}&rsquo;s signature
          </Button>
          <ActionProblem error={withdraw.error} heading="Could not withdraw the signature" />
        </>
      ) : beforeDeadline ? (
        <>
          <Button type="button" disabled={sign.isPending} onClick={() => sign.mutate(undefined)}>
            Sign on for {state}
          </Button>
          <ActionProblem error={sign.error} heading="Could not sign on" />
        </>
      ) : (
        <p>The sign-on deadline has passed.</p>
      )}
    </section>
  );
}

function FileAction({ action }: { action: LegalAction }) {
  const [hash, setHash] = useState<string>();
  const file = useCommand((body: { filedOn: string; docketNumber: string; documentSha256: string; documentUri?: string }) =>
    unwrap(api.POST('/api/v1/legal-actions/{id}/filings', { params: { path: { id: action.id } }, body })),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!hash) return;
    const data = new FormData(event.currentTarget);
    file.mutate({
      filedOn: String(data.get('filedOn')),
      docketNumber: String(data.get('docketNumber')),
      documentSha256: hash,
      ...(data.get('documentUri') ? { documentUri: String(data.get('documentUri')) } : {}),
    });
  };
  return (
    <>
      <h2>File the action</h2>
      <p>Filing freezes the signatories.</p>
      <Form onSubmit={submit} large>
        <Fieldset legend="Filing" legendStyle="srOnly">
          <Label htmlFor="filedOn">Filed on</Label>
          <input className="usa-input" id="filedOn" name="filedOn" type="date" required aria-describedby="filedOn-problem" />
          <FieldProblem error={file.error} field="filedOn" id="filedOn-problem" />
          <Label htmlFor="docketNumber">Docket number</Label>
          <TextInput id="docketNumber" name="docketNumber" type="text" required aria-describedby="docketNumber-problem" />
          <FieldProblem error={file.error} field="docketNumber" id="docketNumber-problem" />
          <DocumentHashInput id="filing-document" label="Filed document" required onHash={setHash} />
          <FieldProblem error={file.error} field="documentSha256" id="documentSha256-problem" />
          <Label htmlFor="documentUri" hint=" (optional)">
            Public address of the document
          </Label>
          <TextInput id="documentUri" name="documentUri" type="url" aria-describedby="documentUri-problem" />
          <FieldProblem error={file.error} field="documentUri" id="documentUri-problem" />
        </Fieldset>
        <ActionProblem error={file.error} heading="Could not file the action" />
        <Button type="submit" disabled={!hash || file.isPending}>
          File the action
        </Button>
      </Form>
    </>
  );
}

function Timeline({ developments }: { developments: Development[] }) {
  if (developments.length === 0) return <p className="text-base">No development has been recorded.</p>;
  const ordered = [...developments].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.recordedAt.localeCompare(b.recordedAt));
  return (
    <ol className="usa-process-list" aria-label="Developments, oldest first">
      {ordered.map((development) => (
        <li key={development.id} className="usa-process-list__item">
          <h3 className="usa-process-list__heading">
            {capitalise(development.kind)}, {development.occurredOn}
          </h3>
          <p>{development.summary}</p>
          <p className="font-body-2xs text-base-dark">
            Recorded by {development.stateCode} (<DateTime value={development.recordedAt} />)
            {development.documentSha256 && (
              <>
                ; document SHA-256 <span className="font-mono-2xs" style={{ overflowWrap: 'anywhere' }}>{development.documentSha256}</span>
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}

function RecordDevelopment({ action }: { action: LegalAction }) {
  const [hash, setHash] = useState<string>();
  const [formKey, setFormKey] = useState(0);
  const record = useCommand((body: { kind: Development['kind']; occurredOn: string; summary: string; documentSha256?: string }) =>
    unwrap(api.POST('/api/v1/legal-actions/{id}/developments', { params: { path: { id: action.id } }, body })),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    record.mutate(
      {
        kind: String(data.get('developmentKind')) as Development['kind'],
        occurredOn: String(data.get('occurredOn')),
        summary: String(data.get('developmentSummary')),
        ...(hash ? { documentSha256: hash } : {}),
      },
      { onSuccess: () => setFormKey((key) => key + 1) },
    );
  };
  return (
    <Form key={formKey} onSubmit={submit} large>
      <Fieldset legend="Record a development">
        <Label htmlFor="developmentKind">Kind</Label>
        <Select id="developmentKind" name="developmentKind" required>
          {DEVELOPMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {capitalise(kind)}
            </option>
          ))}
        </Select>
        <Label htmlFor="occurredOn">Occurred on</Label>
        <input className="usa-input" id="occurredOn" name="occurredOn" type="date" required aria-describedby="occurredOn-problem" />
        <FieldProblem error={record.error} field="occurredOn" id="occurredOn-problem" />
        <Label htmlFor="developmentSummary">Summary</Label>
        <Textarea id="developmentSummary" name="developmentSummary" required />
        <DocumentHashInput id="development-document" label="Document (optional)" onHash={setHash} />
      </Fieldset>
      <ActionProblem error={record.error} heading="Could not record the development" />
      <Button type="submit" disabled={record.isPending}>
        Record the development
      </Button>
    </Form>
  );
}

function CloseAction({ action }: { action: LegalAction }) {
  const close = useCommand((body: { outcome: NonNullable<LegalAction['outcome']>; summary: string }) =>
    unwrap(api.POST('/api/v1/legal-actions/{id}/close', { params: { path: { id: action.id } }, body })),
  );
  const outcomes = action.status === 'filed' ? OUTCOMES : (['withdrawn'] as const);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    close.mutate({ outcome: String(data.get('outcome')) as NonNullable<LegalAction['outcome']>, summary: String(data.get('outcomeSummary')) });
  };
  return (
    <>
      <h2>Close the action</h2>
      <Form onSubmit={submit} large>
        <Fieldset legend="Close with an outcome" legendStyle="srOnly">
          <Label htmlFor="outcome">Outcome</Label>
          <Select id="outcome" name="outcome" required aria-describedby="outcome-hint">
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {capitalise(outcome)}
              </option>
            ))}
          </Select>
          <span className="usa-hint" id="outcome-hint">
            An action never filed can only close as withdrawn.
          </span>
          <Label htmlFor="outcomeSummary">Summary of the outcome</Label>
          <Textarea id="outcomeSummary" name="outcomeSummary" required />
        </Fieldset>
        <ActionProblem error={close.error} heading="Could not close the action" />
        <Button type="submit" secondary disabled={close.isPending}>
          Close the action
        </Button>
      </Form>
    </>
  );
}
