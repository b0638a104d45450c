import { Tag } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import type { components } from '@coalition/api-client';
import { DateTime } from '../../components/date-time';
import { shortHash } from './audit.queries';

export type DecisionRecord = components['schemas']['DecisionRecord'];
type ChainReference = components['schemas']['ChainReference'];
type Tally = components['schemas']['Tally'];

/** A link to the event in its aggregate's history, with its position and hash, and whether the hash still matches. */
export function EventLink({ reference, streamOf }: { reference: ChainReference; streamOf: string }) {
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

export const share = (value: number) => `${(value * 100).toFixed(1)}%`;
const tallyText = (tally: Tally) =>
  `yes ${tally.yes}, no ${tally.no}, abstain ${tally.abstain}; participation ${share(tally.participation)}; quorum ${tally.quorumMet ? 'met' : 'not met'}; threshold ${tally.thresholdMet ? 'met' : 'not met'}`;

export function ElectorateTable({ record }: { record: DecisionRecord }) {
  return (
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
  );
}

export function OutcomeSection({ record, stream }: { record: DecisionRecord; stream: string }) {
  return (
    <>
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
    </>
  );
}

export function CompactEffects({ record }: { record: DecisionRecord }) {
  if (record.compactEvents.length === 0) return null;
  return (
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
  );
}
