import { Tag } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { DateTime } from '../../components/date-time';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { decisionRecordQuery } from './audit.queries';
import { CompactEffects, DecisionRecord, ElectorateTable, EventLink, OutcomeSection, share } from './decision-record-parts';
import { DecisionVotes } from './decision-votes-table';

export default function DecisionRecordPage() {
  const { proposalId = '' } = useParams();
  const record = useQuery(decisionRecordQuery(proposalId));
  return (
    <QueryState query={record} what="the decision record">
      {(data) => <DecisionRecordView record={data} />}
    </QueryState>
  );
}

function DecisionRecordView({ record }: { record: DecisionRecord }) {
  // The record names aggregates by id; their histories are read by stream id (GET /audit/streams/{streamId}).
  const stream = `proposal-${record.proposalId}`;
  return (
    <>
      <PageTitle title={`Decision record: ${record.title}`}>Decision record: {record.title}</PageTitle>
      <p>
        <Tag>{record.status}</Tag> A {record.kind} of compact <Link to={`/compacts/${record.compactId}`}>{record.compactId}</Link>, proposed by{' '}
        {record.proposedBy}
        {record.applicantState ? ` for ${record.applicantState}` : ''}; closes <DateTime value={record.closesAt} />.
      </p>
      <p>{record.text}</p>
      <p>
        Voting rule: {record.votingRule.method}, quorum {share(record.votingRule.quorum)}, threshold {record.votingRule.threshold}.
      </p>
      <h2>Opened</h2>
      <p>
        By {record.opened.actor.id} on <DateTime value={record.opened.recordedAt} />. <EventLink reference={record.opened} streamOf={stream} />
      </p>
      <h2>Electorate</h2>
      <ElectorateTable record={record} />
      <h2>Votes</h2>
      <DecisionVotes record={record} stream={stream} />
      <OutcomeSection record={record} stream={stream} />
      <CompactEffects record={record} />
    </>
  );
}
