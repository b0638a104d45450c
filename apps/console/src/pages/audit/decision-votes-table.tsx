import { Tag } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/problem';
import { DateTime } from '../../components/date-time';
import { DecisionRecord, EventLink } from './decision-record-parts';
import { inclusionStatus, inclusionSummary } from './inclusion-status';
import { DecisionProofs, decisionProofsQuery } from './inclusion.queries';

type Vote = DecisionRecord['votes'][number];

function InclusionCell({ vote, proofs }: { vote: Vote; proofs: DecisionProofs | undefined }) {
  const check = proofs?.votes.get(vote.eventId);
  if (!check) return <>Checking…</>;
  const status = inclusionStatus(check);
  return (
    <>
      <Tag className={status.verified ? 'bg-green' : 'bg-secondary-dark'}>{status.verified ? 'verified here' : 'not verified'}</Tag> <span>{status.text}</span>
    </>
  );
}

/** One line above the table for assistive technology: the checks are running, done, or could not run. */
function ProofSummary({ proofs, error }: { proofs: DecisionProofs | undefined; error: unknown }) {
  let text = 'Checking each vote’s inclusion proof in this browser…';
  if (error) text = `This browser could not check the proofs: ${describeError(error)}`;
  else if (proofs) text = inclusionSummary([...proofs.votes.values()]);
  return (
    <p role="status" className="margin-bottom-0">
      {text}
    </p>
  );
}

export function DecisionVotes({ record, stream }: { record: DecisionRecord; stream: string }) {
  const proofs = useQuery({ ...decisionProofsQuery(record), enabled: record.votes.length > 0 });
  if (record.votes.length === 0) return <p className="text-base">No vote has been cast.</p>;
  return (
    <>
      <ProofSummary proofs={proofs.data} error={proofs.error} />
      <table className="usa-table usa-table--borderless usa-table--stacked width-full">
        <caption>Every vote in the order cast; the tally counts each state&rsquo;s latest</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Choice</th>
            <th scope="col">Cast</th>
            <th scope="col">Counted</th>
            <th scope="col">Recorded in</th>
            <th scope="col">Transparency log</th>
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
              <td data-label="Transparency log">
                <InclusionCell vote={vote} proofs={proofs.data} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {proofs.data && <TrustNote proofs={proofs.data} />}
    </>
  );
}

/** What the check above rests on, so that an auditor can compare the keys with ones got elsewhere. */
function TrustNote({ proofs }: { proofs: DecisionProofs }) {
  const witnesses = proofs.checkpoint?.ok ? proofs.checkpoint.witnesses : [];
  return (
    <p className="text-base font-body-xs">
      Checked in this browser from the event bytes, the RFC 9162 proof and the signed checkpoint, under the log key{' '}
      <code style={{ overflowWrap: 'anywhere' }}>{proofs.logKey}</code>
      {witnesses.length > 0 ? ` and the keys of the witnesses ${witnesses.join(', ')}` : ' (no witness is configured)'}, as this deployment publishes them at
      /api/v1/audit/log-key and /api/v1/audit/witnesses.
    </p>
  );
}
