import type { Compact } from '../../../api/types';

const RULE_WORDS = {
  'one-state-one-vote': 'one state, one vote',
  'population-weighted': 'weighted by population',
  'simple-majority': 'a simple majority',
  'two-thirds': 'two thirds',
  unanimous: 'unanimity',
} as const;

/** The charter's text and hash, and the voting rule in words. */
export function Charter({ compact }: { compact: Compact }) {
  return (
    <section aria-labelledby="charter-heading">
      <h2 id="charter-heading">Charter, version {compact.charter.version}</h2>
      <blockquote className="border-left-05 border-base-light padding-left-2 margin-left-0">{compact.charter.text}</blockquote>
      <p className="font-mono-2xs text-wrap" style={{ overflowWrap: 'anywhere' }}>
        SHA-256: <span>{compact.charter.sha256}</span>
      </p>
      <h3>Voting rule</h3>
      <p>
        Decided by {RULE_WORDS[compact.votingRule.method]}, with a quorum of {Math.round(compact.votingRule.quorum * 100)}% and {RULE_WORDS[compact.votingRule.threshold]} to pass.
        Active once {compact.minRatifications} states ratify; withdrawal takes {compact.withdrawalNoticeDays} days' notice.
      </p>
    </section>
  );
}
