import { compactDeadlines, CompactDeadlineInput, ScheduleDeadline } from './compact-deadlines.workflow';

const RECORDED = { eventId: 'e-7', recordedAt: '2026-01-15T12:00:00.000Z' };
const RULE = { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' } as const;

/** when a compact event is recorded, then these deadlines are scheduled. */
const when = (event: CompactDeadlineInput) => ({
  then: (expected: ScheduleDeadline['data'][]) =>
    expect(compactDeadlines(event, RECORDED)).toEqual(expected.map((data) => ({ type: 'ScheduleDeadline', data }))),
});

describe('the compact deadlines workflow', () => {
  it('closes an opened proposal at its closing time', () =>
    when({
      type: 'ProposalOpened',
      data: {
        proposalId: 'p1', compactId: 'c1', kind: 'resolution', title: 'T', text: 'x', closesAt: '2026-01-22T12:00:00.000Z', proposedBy: 'WA',
        votingRule: RULE, electorate: [], openedAt: RECORDED.recordedAt,
      },
    }).then([{ id: 'proposal-close:p1', kind: 'proposal-close', dueAt: '2026-01-22T12:00:00.000Z', payload: { proposalId: 'p1' } }]));

  it('makes a withdrawal take effect at its effective time, once per notice', () =>
    when({ type: 'WithdrawalNoticeGiven', data: { compactId: 'c1', stateCode: 'OR', reason: 'r', effectiveAt: '2026-03-01T00:00:00.000Z' } }).then([
      { id: 'withdrawal-effective:e-7', kind: 'withdrawal-effective', dueAt: '2026-03-01T00:00:00.000Z', payload: { compactId: 'c1', stateCode: 'OR' } },
    ]));
});
