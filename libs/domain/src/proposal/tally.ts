import { VotingRule } from '../compact';
import { ElectorateSeat, ProposalOutcome, Tally, VoteChoice } from './proposal.events';

export interface CastChoice {
  stateCode: string;
  choice: VoteChoice;
}

/** Each state's latest choice: a changed vote replaces the earlier one in the count. */
export function latestChoices(votes: readonly CastChoice[]): Map<string, VoteChoice> {
  const latest = new Map<string, VoteChoice>();
  for (const vote of votes) latest.set(vote.stateCode, vote.choice);
  return latest;
}

/**
 * The tally exactly as the API defines it. Weights are whole numbers (1, or a population),
 * so the two-thirds test is done in integers — 3·yes ≥ 2·(yes + no) — never with a rounded 2/3.
 * As written, two-thirds of no yes and no "no" votes is met (0 ≥ 0); only the quorum then
 * stands between an all-abstaining electorate and a pass.
 */
export function tallyOf(electorate: readonly ElectorateSeat[], votes: readonly CastChoice[], rule: VotingRule): Tally {
  const latest = latestChoices(votes);
  const sums: Record<VoteChoice, number> = { yes: 0, no: 0, abstain: 0 };
  let total = 0;
  for (const seat of electorate) {
    total += seat.weight;
    const choice = latest.get(seat.stateCode);
    if (choice) sums[choice] += seat.weight;
  }
  const voted = sums.yes + sums.no + sums.abstain;
  const participation = total > 0 ? voted / total : 0;
  return { ...sums, participation, quorumMet: participation >= rule.quorum, thresholdMet: thresholdMet(rule, sums, electorate, latest) };
}

function thresholdMet(
  rule: VotingRule,
  { yes, no }: Record<VoteChoice, number>,
  electorate: readonly ElectorateSeat[],
  latest: Map<string, VoteChoice>,
): boolean {
  switch (rule.threshold) {
    case 'simple-majority':
      return yes > no;
    case 'two-thirds':
      return 3 * yes >= 2 * (yes + no);
    case 'unanimous':
      // Every state, whatever its weight; an empty electorate cannot be unanimous about anything.
      return electorate.length > 0 && electorate.every((seat) => latest.get(seat.stateCode) === 'yes');
  }
}

/** An empty electorate never "has all voted": such a proposal waits for its closing time. */
export function everyoneVoted(electorate: readonly ElectorateSeat[], votes: readonly CastChoice[]): boolean {
  const latest = latestChoices(votes);
  return electorate.length > 0 && electorate.every((seat) => latest.has(seat.stateCode));
}

export const outcomeOf = (tally: Tally): ProposalOutcome => (tally.quorumMet && tally.thresholdMet ? 'passed' : 'failed');
