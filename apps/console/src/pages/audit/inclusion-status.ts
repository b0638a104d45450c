import type { CheckpointCheck } from '../../verify/checkpoint';
import type { InclusionCheck } from '../../verify/vote-inclusion';

/** What the console says about a vote's place in the transparency log, in words (never colour alone). */
export interface InclusionStatus {
  verified: boolean;
  text: string;
}

const list = (names: string[]) => names.join(', ');

function checkpointProblem(check: Extract<CheckpointCheck, { ok: false }>): string {
  if (check.reason === 'log-signature') return "The checkpoint is not signed by the log's key";
  if (check.reason === 'origin') return 'The checkpoint names another log than its key';
  return `The checkpoint cannot be read (${check.detail})`;
}

type Failure = Exclude<Extract<InclusionCheck, { ok: false }>['reason'], 'checkpoint'>;

const FAILURES: Record<Failure, (size?: number) => string> = {
  'no-checkpoint': () => 'Not yet in a signed checkpoint',
  'not-yet-covered': (size) => `Not yet in a signed checkpoint (the latest covers ${size} events)`,
  'no-leaf': () => 'The proof carries no event bytes, so it cannot show this vote',
  'not-this-vote': () => 'The proof is for another event than this vote',
  'leaf-hash': () => "The proof's leaf hash is not the hash of this vote's event",
  'other-size': (size) => `The proof is for another tree size than the signed checkpoint's ${size}`,
  proof: () => 'Proof does not match the signed checkpoint',
};

/**
 * "Included in the log at size N, signed by the log and cosigned by WA, OR", or why not: the
 * statement checkVoteInclusion made in this browser.
 */
export function inclusionStatus(check: InclusionCheck): InclusionStatus {
  if (check.ok) {
    let text = `Included in the log at size ${check.size}, signed by the log`;
    if (check.cosigners.length > 0) text += ` and cosigned by ${list(check.cosigners)}`;
    else if (check.witnesses.length > 0) text += ', not yet cosigned by a witness';
    if (check.badCosigners.length > 0) text += `; the cosignature by ${list(check.badCosigners)} does not verify`;
    return { verified: true, text };
  }
  if (check.reason === 'checkpoint') return { verified: false, text: checkpointProblem(check.checkpoint) };
  return { verified: false, text: FAILURES[check.reason](check.size) };
}

const pending = (check: InclusionCheck) => !check.ok && (check.reason === 'no-checkpoint' || check.reason === 'not-yet-covered');

/** The line above the votes, for everyone and for screen readers: how many verified, how many wait for a checkpoint, how many failed. */
export function inclusionSummary(checks: InclusionCheck[]): string {
  const verified = checks.filter((check) => check.ok).length;
  const waiting = checks.filter(pending).length;
  const failed = checks.length - verified - waiting;
  if (verified === checks.length) return `All ${checks.length} votes checked in this browser against the signed checkpoint.`;
  const parts = [`${verified} of ${checks.length} votes checked in this browser against the signed checkpoint`];
  if (failed > 0) parts.push(`${failed} did not verify`);
  if (waiting > 0) parts.push(`${waiting} not yet in a signed checkpoint`);
  return `${parts.join('; ')}.`;
}
