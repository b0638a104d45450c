import { VotingRule } from '../compact';
import { ElectorateSeat } from './proposal.events';
import { CastChoice, everyoneVoted, outcomeOf, tallyOf } from './tally';

const rule = (threshold: VotingRule['threshold'], quorum = 0.5): VotingRule => ({ method: 'one-state-one-vote', quorum, threshold });
const seats = (weights: Record<string, number>): ElectorateSeat[] => Object.entries(weights).map(([stateCode, weight]) => ({ stateCode, weight }));
const ones = (...codes: string[]) => seats(Object.fromEntries(codes.map((c) => [c, 1])));
const votes = (choices: Record<string, CastChoice['choice']>): CastChoice[] => Object.entries(choices).map(([stateCode, choice]) => ({ stateCode, choice }));

describe('tally', () => {
  it('sums weights per choice and counts abstentions in participation only', () => {
    const electorate = seats({ CA: 39, TX: 30, WA: 8, OR: 4 });
    expect(tallyOf(electorate, votes({ CA: 'yes', TX: 'no', WA: 'abstain' }), rule('simple-majority'))).toEqual({
      yes: 39, no: 30, abstain: 8, participation: 77 / 81, quorumMet: true, thresholdMet: true,
    });
  });

  it('meets the quorum exactly at the boundary, and not below it', () => {
    const electorate = ones('A', 'B', 'C', 'D', 'E', 'F');
    expect(tallyOf(electorate, votes({ A: 'yes', B: 'yes', C: 'no' }), rule('simple-majority', 0.5)).quorumMet).toBe(true);
    expect(tallyOf(electorate, votes({ A: 'yes', B: 'yes' }), rule('simple-majority', 0.5)).quorumMet).toBe(false);
    expect(tallyOf(ones('A', 'B', 'C'), votes({ A: 'yes' }), rule('simple-majority', 1 / 3)).quorumMet).toBe(true);
    expect(tallyOf(ones('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'), votes({ A: 'yes', B: 'yes', C: 'no' }), rule('simple-majority', 0.3)).quorumMet).toBe(true);
  });

  it('needs strictly more yes than no for a simple majority', () => {
    expect(tallyOf(ones('A', 'B'), votes({ A: 'yes', B: 'no' }), rule('simple-majority')).thresholdMet).toBe(false);
    expect(tallyOf(ones('A', 'B', 'C'), votes({ A: 'yes', B: 'no', C: 'yes' }), rule('simple-majority')).thresholdMet).toBe(true);
  });

  it('meets two-thirds at exactly two thirds of yes + no, in integers', () => {
    expect(tallyOf(ones('A', 'B', 'C'), votes({ A: 'yes', B: 'yes', C: 'no' }), rule('two-thirds')).thresholdMet).toBe(true);
    const close = seats({ A: 200_000_000, B: 100_000_001 });
    expect(tallyOf(close, votes({ A: 'yes', B: 'no' }), rule('two-thirds')).thresholdMet).toBe(false);
    const exact = seats({ A: 26_000_000_002, B: 13_000_000_001 });
    expect(tallyOf(exact, votes({ A: 'yes', B: 'no' }), rule('two-thirds')).thresholdMet).toBe(true);
    // Abstentions are outside yes + no.
    expect(tallyOf(ones('A', 'B', 'C', 'D'), votes({ A: 'yes', B: 'yes', C: 'no', D: 'abstain' }), rule('two-thirds')).thresholdMet).toBe(true);
  });

  it('takes the rule as written: with no yes and no "no", two-thirds is met and only the quorum decides', () => {
    const tally = tallyOf(ones('A', 'B'), votes({ A: 'abstain', B: 'abstain' }), rule('two-thirds', 0.5));
    expect(tally).toMatchObject({ yes: 0, no: 0, abstain: 2, thresholdMet: true, quorumMet: true });
    expect(tallyOf(ones('A', 'B'), [], rule('two-thirds', 0.5)).quorumMet).toBe(false);
  });

  it('is unanimous only when every electorate state voted yes, whatever the weights', () => {
    const electorate = seats({ CA: 39, WY: 1 });
    expect(tallyOf(electorate, votes({ CA: 'yes', WY: 'yes' }), rule('unanimous')).thresholdMet).toBe(true);
    expect(tallyOf(electorate, votes({ CA: 'yes', WY: 'abstain' }), rule('unanimous')).thresholdMet).toBe(false);
    expect(tallyOf(electorate, votes({ CA: 'yes' }), rule('unanimous')).thresholdMet).toBe(false);
  });

  it('counts only each state\'s latest vote', () => {
    const changed: CastChoice[] = [
      { stateCode: 'A', choice: 'no' },
      { stateCode: 'B', choice: 'no' },
      { stateCode: 'A', choice: 'yes' },
    ];
    expect(tallyOf(ones('A', 'B', 'C'), changed, rule('simple-majority'))).toMatchObject({ yes: 1, no: 1, abstain: 0, participation: 2 / 3 });
  });

  it('passes only when quorum and threshold are both met', () => {
    expect(outcomeOf({ yes: 1, no: 0, abstain: 0, participation: 1, quorumMet: true, thresholdMet: true })).toBe('passed');
    expect(outcomeOf({ yes: 1, no: 0, abstain: 0, participation: 0.1, quorumMet: false, thresholdMet: true })).toBe('failed');
    expect(outcomeOf({ yes: 0, no: 1, abstain: 0, participation: 1, quorumMet: true, thresholdMet: false })).toBe('failed');
  });

  it('knows when every electorate state has voted; an empty electorate never has', () => {
    expect(everyoneVoted(ones('A', 'B'), votes({ A: 'yes', B: 'abstain' }))).toBe(true);
    expect(everyoneVoted(ones('A', 'B'), votes({ A: 'yes', C: 'yes' }))).toBe(false);
    expect(everyoneVoted([], [])).toBe(false);
    expect(tallyOf([], [], rule('unanimous', 0))).toMatchObject({ participation: 0, quorumMet: true, thresholdMet: false });
  });
});
