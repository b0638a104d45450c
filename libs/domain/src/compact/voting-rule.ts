export const VOTING_METHODS = ['one-state-one-vote', 'population-weighted'] as const;
export type VotingMethod = (typeof VOTING_METHODS)[number];

export const VOTING_THRESHOLDS = ['simple-majority', 'two-thirds', 'unanimous'] as const;
export type VotingThreshold = (typeof VOTING_THRESHOLDS)[number];

/** How a compact decides: who weighs how much, how many must take part, and what carries. */
export interface VotingRule {
  method: VotingMethod;
  /** The share of the electorate's weight that must vote (abstentions count), 0..1. */
  quorum: number;
  threshold: VotingThreshold;
}

/** Names what is wrong with a rule, or answers undefined for a valid one. */
export function votingRuleProblem(rule: VotingRule | undefined | null): string | undefined {
  if (!rule) return 'a voting rule is required';
  if (!VOTING_METHODS.includes(rule.method)) return `votingRule.method must be one of ${VOTING_METHODS.join(', ')}`;
  if (!VOTING_THRESHOLDS.includes(rule.threshold)) return `votingRule.threshold must be one of ${VOTING_THRESHOLDS.join(', ')}`;
  if (typeof rule.quorum !== 'number' || !Number.isFinite(rule.quorum) || rule.quorum < 0 || rule.quorum > 1) {
    return 'votingRule.quorum must be a number from 0 to 1';
  }
  return undefined;
}
