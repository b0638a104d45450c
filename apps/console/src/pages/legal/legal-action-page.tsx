import { Tag } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { DateTime } from '../../components/date-time';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { useSession } from '../../session/session';
import { RecordDevelopment, Timeline } from './legal-action-developments';
import { FileAction, Filing } from './legal-action-filing';
import { CloseAction, Outcome } from './legal-action-outcome';
import { Signatories, SignOn } from './legal-action-signatories';
import { signOnLeft } from './legal-actions-page';
import { KIND_LABELS, LegalAction, legalActionQuery, STATUS_LABELS } from './legal.queries';

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
      <Facts action={action} />

      <Signatories action={action} />
      {myState && action.status === 'open' && <SignOn action={action} state={myState} signed={signed} isLead={isLead} beforeDeadline={beforeDeadline} />}

      {action.filing ? <Filing filing={action.filing} /> : isLead && action.status === 'open' && <FileAction action={action} />}

      <h2>Developments</h2>
      <Timeline developments={action.developments} />
      {signed && action.status === 'filed' && <RecordDevelopment action={action} />}

      {action.status === 'closed' ? <Outcome action={action} /> : isLead && <CloseAction action={action} />}
    </>
  );
}

/** Status, kind, forum and lead; the deadline, who opened it, and where its compact and audit history are. */
function Facts({ action }: { action: LegalAction }) {
  const session = useSession();
  return (
    <>
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
    </>
  );
}
