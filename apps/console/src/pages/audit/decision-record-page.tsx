import { Tag } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { components } from '@coalition/api-client';
import { DateTime } from '../../components/date-time';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { decisionRecordQuery, shortHash } from './audit.queries';

type DecisionRecord = components['schemas']['DecisionRecord'];
type ChainReference = components['schemas']['ChainReference'];
type Tally = components['schemas']['Tally'];

export default function DecisionRecordPage() {
  const { proposalId = '' } = useParams();
  const record = useQuery(decisionRecordQuery(proposalId));
  return (
    <QueryState query={record} what="the decision record">
      {(data) => <DecisionRecordView record={data} />}
    </QueryState>
  );
}

/** A link to the event in its aggregate's history, with its position and hash, and whether the hash still matches. */
function EventLink({ reference, streamOf }: { reference: ChainReference; streamOf: string }) {
  return (
    <>
      <Link to={`/audit/streams/${encodeURIComponent(streamOf)}#position-${reference.position}`}>Event at position {reference.position}</Link>
      <br />
      <span className="font-mono-2xs">
        hash <abbr title={reference.hash}>{shortHash(reference.hash)}</abbr>
      </span>{' '}
      {reference.hashMatches ? <Tag className="bg-green">hash matches</Tag> : <Tag className="bg-secondary-dark">hash does not match</Tag>}
    </>
  );
}

const share = (value: number) => `${(value * 100).toFixed(1)}%`;
const tallyText = (tally: Tally) =>
  `yes ${tally.yes}, no ${tally.no}, abstain ${tally.abstain}; participation ${share(tally.participation)}; quorum ${tally.quorumMet ? 'met' : 'not met'}; threshold ${tally.thresholdMet ? 'met' : 'not met'}`;

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
      <table className="usa-table usa-table--borderless usa-table--stacked">
        <caption>Frozen when the proposal opened</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {record.electorate.map((seat) => (
            <tr key={seat.stateCode}>
              <td data-label="State">{seat.stateCode}</td>
              <td data-label="Weight">{seat.weight}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Votes</h2>
      {record.votes.length === 0 ? (
        <p className="text-base">No vote has been cast.</p>
      ) : (
        <table className="usa-table usa-table--borderless usa-table--stacked width-full">
          <caption>Every vote in the order cast; the tally counts each state&rsquo;s latest</caption>
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Choice</th>
              <th scope="col">Cast</th>
              <th scope="col">Counted</th>
              <th scope="col">Recorded in</th>
            </tr>
          </thead>
          <tbody>
            {record.votes.map((vote) => (
              <tr key={vote.eventId}>
                <td data-label="State">{vote.stateCode}</td>
                <td data-label="Choice">{vote.choice}</td>
                <td data-label="Cast">
                  <DateTime value={vote.castAt} /> by {vote.castBy}
                </td>
                <td data-label="Counted">{vote.counted ? 'yes' : 'no, changed later'}</td>
                <td data-label="Recorded in">
                  <EventLink reference={vote} streamOf={stream} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Outcome</h2>
      {record.outcome ? (
        <p>
          <strong>{record.outcome.outcome}</strong> on <DateTime value={record.outcome.closedAt} /> (
          {record.outcome.reason === 'all-voted' ? 'every state had voted' : 'the closing time came'}): {tallyText(record.outcome.tally)}.{' '}
          <EventLink reference={record.outcome} streamOf={stream} />
        </p>
      ) : (
        <p>Still open.</p>
      )}
      <p>
        Tally recomputed from the votes: {tallyText(record.recomputedTally)}.{' '}
        {record.tallyConfirmed === null ? '' : record.tallyConfirmed ? 'It equals the recorded tally.' : 'It does not equal the recorded tally.'}
      </p>
      {record.compactEvents.length > 0 && (
        <>
          <h2>Effect on the compact</h2>
          <ul className="usa-list">
            {record.compactEvents.map((event) => (
              <li key={event.eventId}>
                {event.type}: <EventLink reference={event} streamOf={`compact-${record.compactId}`} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
