import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { positions } from '../../../api/positions';
import type { Compact, CompactMember, Pledge, Proposal, ResourceRequest } from '../../../api/types';

export interface Agenda {
  /** Open proposals whose electorate includes my state and that my state has not voted on. */
  votes: { proposal: Proposal; compact: Compact }[];
  /** Other states' open requests that one of my state's open pledges could fill (same type and unit). */
  fillable: { request: ResourceRequest; pledge: Pledge; compact: Compact }[];
  /** Offers made on my state's requests, waiting for its acceptance. */
  offers: { request: ResourceRequest; offer: ResourceRequest['offers'][number]; compact: Compact }[];
  /** Members giving notice in the compacts my state belongs to. */
  withdrawals: { member: CompactMember; compact: Compact }[];
}

const query = positions.query;
const inCompact = (compact: Compact, state: string) => compact.members.some((m) => m.stateCode === state && m.status !== 'withdrawn');

/** What needs my state, gathered across the compacts it belongs to (one read per list the api serves). */
export async function loadAgenda(state: string): Promise<Agenda> {
  const summaries = await unwrap(api.GET('/api/v1/compacts', { params: { query: query() } }));
  const compacts = (
    await Promise.all(summaries.map((summary) => unwrap(api.GET('/api/v1/compacts/{id}', { params: { path: { id: summary.id }, query: query() } }))))
  ).filter((compact) => inCompact(compact, state));
  const agenda: Agenda = { votes: [], fillable: [], offers: [], withdrawals: [] };
  await Promise.all(
    compacts.map(async (compact) => {
      const path = { path: { id: compact.id }, query: query() };
      const ratified = compact.members.some((m) => m.stateCode === state && m.status === 'ratified');
      const [proposals, pledges, requests] = await Promise.all([
        unwrap(api.GET('/api/v1/compacts/{id}/proposals', { params: path })),
        ratified ? unwrap(api.GET('/api/v1/compacts/{id}/pledges', { params: path })) : Promise.resolve([]),
        ratified ? unwrap(api.GET('/api/v1/compacts/{id}/requests', { params: path })) : Promise.resolve([]),
      ]);
      for (const proposal of proposals) {
        const open = proposal.status === 'open' && new Date(proposal.closesAt).getTime() > Date.now();
        if (open && proposal.electorate.some((s) => s.stateCode === state) && !proposal.votes.some((v) => v.stateCode === state)) {
          agenda.votes.push({ proposal, compact });
        }
      }
      const mine = pledges.filter((p) => p.stateCode === state && p.status === 'open' && p.remaining > 0);
      for (const request of requests) {
        if (request.status !== 'open') continue;
        if (request.stateCode === state) {
          for (const offer of request.offers) if (offer.status === 'offered') agenda.offers.push({ request, offer, compact });
        } else {
          const pledge = mine.find((p) => p.resourceType === request.resourceType && p.unit === request.unit);
          if (pledge && request.outstanding > 0) agenda.fillable.push({ request, pledge, compact });
        }
      }
      for (const member of compact.members) if (member.status === 'withdrawing') agenda.withdrawals.push({ member, compact });
    }),
  );
  agenda.votes.sort((a, b) => a.proposal.closesAt.localeCompare(b.proposal.closesAt));
  return agenda;
}

export const agendaQuery = (state: string) => queryOptions({ queryKey: ['agenda', state], queryFn: () => loadAgenda(state) });
