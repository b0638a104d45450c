import type { Proposal } from '../../../api/types';

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/** The share of yes (of yes and no) needed, as the rule counts it. */
function thresholdLine(rule: Proposal['votingRule']['threshold']): { at: number; words: string } {
  switch (rule) {
    case 'simple-majority':
      return { at: 0.5, words: 'more yes than no' };
    case 'two-thirds':
      return { at: 2 / 3, words: 'at least two thirds yes of yes and no' };
    case 'unanimous':
      return { at: 1, words: 'every state in the electorate voting yes' };
  }
}

function Bar({ value, line, label }: { value: number; line: number; label: string }) {
  return (
    <div className="tally-bar margin-y-1" role="img" aria-label={label}>
      <div className="tally-bar__fill" style={{ width: percent(Math.min(1, value)) }} />
      <div className="tally-bar__line" style={{ left: `calc(${percent(line)} - 1px)` }} />
    </div>
  );
}

/** The live tally: participation against the quorum line, yes against the threshold line. */
export function Tally({ proposal }: { proposal: Proposal }) {
  const { tally, votingRule } = proposal;
  const decided = tally.yes + tally.no;
  const yesShare = decided === 0 ? 0 : tally.yes / decided;
  const threshold = thresholdLine(votingRule.threshold);
  return (
    <section aria-labelledby="tally-heading" aria-live="polite">
      <h2 id="tally-heading">Tally</h2>
      <p>
        Yes {tally.yes}, no {tally.no}, abstain {tally.abstain}.
      </p>
      <h3 className="margin-bottom-0">Participation {percent(tally.participation)}</h3>
      <Bar value={tally.participation} line={votingRule.quorum} label={`Participation ${percent(tally.participation)} against a quorum line at ${percent(votingRule.quorum)}`} />
      <p className="margin-top-0">
        Quorum {percent(votingRule.quorum)}: <strong>{tally.quorumMet ? 'met' : 'not met'}</strong>
      </p>
      <h3 className="margin-bottom-0">Yes {percent(yesShare)} of yes and no</h3>
      <Bar value={yesShare} line={threshold.at} label={`Yes ${percent(yesShare)} against a threshold line at ${percent(threshold.at)}`} />
      <p className="margin-top-0">
        Threshold ({threshold.words}): <strong>{tally.thresholdMet ? 'met' : 'not met'}</strong>
      </p>
    </section>
  );
}
