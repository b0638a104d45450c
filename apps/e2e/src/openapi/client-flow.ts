import { CoalitionClient, createCoalitionClient } from '@coalition/api-client';
import { Middleware } from 'openapi-fetch';

/**
 * A full session written against the generated client only, as an agency would write it: no
 * casts, no `any`. The test type-checks this file (tsc --strict) against types freshly generated
 * from the running api, then runs it there; a field the document gets wrong fails one or the other.
 */

/** The data of a successful answer; anything else fails the flow with the problem the api sent. */
async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (data === undefined) throw new Error(`${response.url} answered ${response.status}: ${JSON.stringify(error)}`);
  return data;
}

export interface FlowOutcome {
  compact: { status: string; members: { stateCode: string; status: string }[]; streamId: string; charterVersion: number };
  proposal: { status: string; yes: number; quorumMet: boolean; votes: number };
  lateVoteRefusedWith: { status: number; code: string | undefined };
  request: { status: string; accepted: number; outstanding: number; offerStatus: string | undefined };
  pledgeRemaining: number;
  legalAction: { status: string; signatories: string[] };
  audit: { chainIntact: boolean; checkedEvents: number; compactEventTypes: string[] };
  feedTypes: string[];
  agencyKey: { kind: string; stateCode: string | null; scopes: string[] | undefined };
}

const PASSWORD = 'correct horse battery staple';

/** Where the api is, and what watches every call (the test checks each answer against the document). */
export interface FlowTarget {
  baseUrl: string;
  inspect: Middleware;
}

function clientOf({ baseUrl, inspect }: FlowTarget, token?: string, apiKey?: string): CoalitionClient {
  const client = createCoalitionClient({ baseUrl, token: () => token, ...(apiKey ? { apiKey } : {}) });
  client.use(inspect);
  return client;
}

async function signIn(target: FlowTarget, username: string, password: string): Promise<CoalitionClient> {
  const { accessToken } = await ok(clientOf(target).POST('/api/v1/auth/login', { body: { username, password } }));
  return clientOf(target, accessToken);
}

async function staff(target: FlowTarget, admin: CoalitionClient, username: string, role: 'coordinator' | 'counsel' | 'auditor', stateCode?: string) {
  const body = { username, password: PASSWORD, displayName: username, roles: [role], ...(stateCode ? { stateCode } : {}) };
  await ok(admin.POST('/api/v1/users', { body }));
  return signIn(target, username, PASSWORD);
}

/** Washington and Oregon found a compact and both ratify it. */
async function foundCompact(wa: CoalitionClient, or: CoalitionClient) {
  const drafted = await ok(
    wa.POST('/api/v1/compacts', {
      body: {
        title: 'Northwest Wildfire Mutual Aid Compact',
        purpose: 'Share crews and engines during fire season',
        charter: { text: 'Article I. The party states shall render mutual aid in wildfire emergencies.' },
        votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
        foundingStates: ['WA', 'OR'],
      },
    }),
  );
  const path = { id: drafted.id };
  await ok(wa.POST('/api/v1/compacts/{id}/ratifications', { params: { path }, body: { kind: 'statute', reference: 'RCW 38.10.010', enactedOn: '2026-03-01' } }));
  const ratified = await ok(or.POST('/api/v1/compacts/{id}/ratifications', { params: { path }, body: { kind: 'executive-order', reference: 'EO 26-04', enactedOn: '2026-03-12' } }));
  return ok(wa.GET('/api/v1/compacts/{id}', { params: { path, query: { minPosition: ratified.position } } }));
}

/** A resolution both vote for, which closes it; a later vote is refused. */
async function decide(wa: CoalitionClient, or: CoalitionClient, compactId: string): Promise<Pick<FlowOutcome, 'proposal' | 'lateVoteRefusedWith'>> {
  const opened = await ok(
    wa.POST('/api/v1/compacts/{id}/proposals', {
      params: { path: { id: compactId } },
      body: { kind: 'resolution', title: 'Pre-position engines', text: 'Resolved, that each party state stages two engines.', closesAt: new Date(Date.now() + 3_600_000).toISOString() },
    }),
  );
  const path = { id: opened.id };
  await ok(wa.POST('/api/v1/proposals/{id}/votes', { params: { path }, body: { choice: 'yes' } }));
  const lastVote = await ok(or.POST('/api/v1/proposals/{id}/votes', { params: { path }, body: { choice: 'yes' } }));
  const proposal = await ok(or.GET('/api/v1/proposals/{id}', { params: { path, query: { minPosition: lastVote.position } } }));
  const late = await or.POST('/api/v1/proposals/{id}/votes', { params: { path }, body: { choice: 'no' } });
  return {
    proposal: { status: proposal.status, yes: proposal.tally.yes, quorumMet: proposal.tally.quorumMet, votes: proposal.votes.length },
    lateVoteRefusedWith: { status: late.response.status, code: late.error?.code },
  };
}

/** Washington pledges tankers, Oregon asks for some, Washington offers, Oregon accepts. */
async function shareTankers(wa: CoalitionClient, or: CoalitionClient, compactId: string): Promise<Pick<FlowOutcome, 'request' | 'pledgeRemaining'>> {
  const path = { id: compactId };
  const pledge = await ok(wa.POST('/api/v1/compacts/{id}/pledges', { params: { path }, body: { resourceType: 'water-tanker', unit: 'each', quantity: 10 } }));
  const need = await ok(or.POST('/api/v1/compacts/{id}/requests', { params: { path }, body: { resourceType: 'water-tanker', unit: 'each', quantity: 4, justification: 'Municipal supply down' } }));
  const offer = await ok(wa.POST('/api/v1/requests/{id}/offers', { params: { path: { id: need.id } }, body: { pledgeId: pledge.id, quantity: 4, costEstimate: { amount: 1250.5, currency: 'USD' } } }));
  const { position: minPosition } = await ok(or.POST('/api/v1/offers/{id}/accept', { params: { path: { id: offer.id } }, body: {} }));
  const request = await ok(or.GET('/api/v1/requests/{id}', { params: { path: { id: need.id }, query: { minPosition } } }));
  const pledged = await ok(wa.GET('/api/v1/pledges/{id}', { params: { path: { id: pledge.id }, query: { minPosition } } }));
  return {
    request: { status: request.status, accepted: request.accepted, outstanding: request.outstanding, offerStatus: request.offers.find((o) => o.id === offer.id)?.status },
    pledgeRemaining: pledged.remaining,
  };
}

/** Washington's counsel opens an amicus brief; Oregon's signs on. */
async function fileTogether(waCounsel: CoalitionClient, orCounsel: CoalitionClient): Promise<FlowOutcome['legalAction']> {
  const action = await ok(
    waCounsel.POST('/api/v1/legal-actions', {
      body: { kind: 'amicus-brief', title: 'Brief of amici states', summary: 'In support of petitioners', forum: 'U.S. Court of Appeals, 9th Cir.', signOnDeadline: new Date(Date.now() + 86_400_000).toISOString() },
    }),
  );
  const path = { id: action.id };
  const signed = await ok(orCounsel.POST('/api/v1/legal-actions/{id}/signatories', { params: { path }, body: {} }));
  const legal = await ok(waCounsel.GET('/api/v1/legal-actions/{id}', { params: { path, query: { minPosition: signed.position } } }));
  return { status: legal.status, signatories: legal.signatories.map((s) => s.stateCode) };
}

/** Washington's coordinator issues a key to its emergency-management system, which calls with it. */
async function agencyKey(target: FlowTarget, wa: CoalitionClient): Promise<FlowOutcome['agencyKey']> {
  const issued = await ok(wa.POST('/api/v1/api-keys', { body: { name: 'WA emergency management', stateCode: 'WA', scopes: ['read', 'resources:write'] } }));
  if (!issued.key) throw new Error('a first issue answers the key');
  const me = await ok(clientOf(target, undefined, issued.key).GET('/api/v1/auth/me'));
  return { kind: me.kind, stateCode: me.stateCode, scopes: me.scopes };
}

/** Two states found a compact, decide by vote, share a resource and file together; an auditor checks the record. */
export async function runClientFlow(target: FlowTarget, adminName: string, adminPassword: string): Promise<FlowOutcome> {
  const admin = await signIn(target, adminName, adminPassword);
  for (const state of [{ code: 'WA', name: 'Washington', population: 7_812_880 }, { code: 'OR', name: 'Oregon', population: 4_240_137 }]) {
    await ok(admin.POST('/api/v1/states', { body: state }));
  }
  const wa = await staff(target, admin, 'wa.coordinator', 'coordinator', 'WA');
  const or = await staff(target, admin, 'or.coordinator', 'coordinator', 'OR');
  const compact = await foundCompact(wa, or);
  const decided = await decide(wa, or, compact.id);
  const shared = await shareTankers(wa, or, compact.id);
  const legalAction = await fileTogether(await staff(target, admin, 'wa.counsel', 'counsel', 'WA'), await staff(target, admin, 'or.counsel', 'counsel', 'OR'));

  const auditor = await staff(target, admin, 'auditor', 'auditor');
  const verification = await ok(auditor.GET('/api/v1/audit/verify'));
  const history = await ok(auditor.GET('/api/v1/audit/streams/{streamId}', { params: { path: { streamId: compact.streamId }, query: { limit: 100 } } }));
  const feed = await ok(wa.GET('/api/v1/events', { params: { query: { after: 0, limit: 1000 } } }));
  return {
    agencyKey: await agencyKey(target, wa),
    compact: { status: compact.status, members: compact.members.map(({ stateCode, status }) => ({ stateCode, status })), streamId: compact.streamId, charterVersion: compact.charter.version },
    ...decided,
    ...shared,
    legalAction,
    audit: { chainIntact: verification.ok, checkedEvents: verification.checkedEvents, compactEventTypes: history.events.map((e) => e.type) },
    feedTypes: [...new Set(feed.events.map((e) => e.type))],
  };
}
