import { Kafka } from 'kafkajs';
import { Database } from '@coalition/platform';
import { ALL_PROJECTIONS, readModelsMatchRebuild, RebuildComparison } from '@coalition/read-side';
import { LoadReport } from './command-load';
import { readTopicPositions } from './kafka-positions';

/** What a fault run left behind, judged from the outside (the api) and, where given, Kafka and the database. */
export interface FaultVerdict {
  /** Events recorded after the run's starting position. */
  audited: number;
  chain: { ok: boolean; checkedEvents?: number; firstInvalidPosition?: number; reason?: string };
  commands: {
    accepted: number;
    /** Keys answered 201 with no event recorded: an effect lost. */
    withoutEvent: string[];
    /** Keys with more than one event: an effect doubled. */
    withSeveralEvents: string[];
  };
  kafka?: { distinct: number; missing: number[]; publishedMoreThanOnce: number };
  readModels?: RebuildComparison;
}

export interface JudgeInput {
  /** GETs as the admin (or an auditor): `/audit/events` and `/audit/verify`. */
  get: (path: string) => Promise<{ status: number; body: Record<string, unknown> }>;
  /** The position the run started after. */
  after: number;
  load: LoadReport;
  kafka?: { client: Kafka; topics: string[] };
  db?: Database;
}

interface AuditedEvent {
  position: number;
  type: string;
  data: { note?: string };
}

export async function judge(input: JudgeInput): Promise<FaultVerdict> {
  const events = await auditedEventsAfter(input.get, input.after);
  const verify = await input.get('/audit/verify');
  const verdict: FaultVerdict = {
    audited: events.length,
    chain: verify.body as FaultVerdict['chain'],
    commands: commandEffects(events, input.load),
  };
  if (input.kafka) {
    const { counts } = await readTopicPositions(input.kafka.client, input.kafka.topics);
    const wanted = events.map((e) => e.position);
    verdict.kafka = {
      distinct: wanted.filter((p) => counts.has(p)).length,
      missing: wanted.filter((p) => !counts.has(p)).slice(0, 20),
      publishedMoreThanOnce: wanted.filter((p) => (counts.get(p) ?? 0) > 1).length,
    };
  }
  if (input.db) verdict.readModels = await readModelsMatchRebuild(input.db, ALL_PROJECTIONS);
  return verdict;
}

/** Every load command answered 201 has exactly one PledgeMade carrying its key. */
function commandEffects(events: readonly AuditedEvent[], load: LoadReport): FaultVerdict['commands'] {
  const byKey = new Map<string, number>();
  for (const event of events) {
    const key = event.type === 'PledgeMade' ? event.data.note : undefined;
    if (key !== undefined) byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  const accepted = [...load.accepted.keys()];
  return {
    accepted: accepted.length,
    withoutEvent: accepted.filter((key) => !byKey.has(key)),
    withSeveralEvents: [...byKey].filter(([, count]) => count > 1).map(([key]) => key),
  };
}

async function auditedEventsAfter(get: JudgeInput['get'], after: number): Promise<AuditedEvent[]> {
  const events: AuditedEvent[] = [];
  for (let cursor = after; ; ) {
    const page = await get(`/audit/events?after=${cursor}&limit=1000`);
    if (page.status !== 200) throw new Error(`GET /audit/events: ${page.status} ${JSON.stringify(page.body)}`);
    const items = page.body.events as AuditedEvent[];
    events.push(...items);
    if (items.length < 1000) return events;
    cursor = items[items.length - 1].position;
  }
}

/** The figures, one per line, for `npm run chaos` and for a failing test's message. */
export function describe(load: LoadReport, verdict: FaultVerdict): string[] {
  const statuses = Object.entries(load.byStatus).sort().map(([status, n]) => `${status}: ${n}`).join(', ');
  const lines = [
    `commands sent: ${load.accepted.size + load.unfinished.length} (${load.requests} requests); answers ${statuses}`,
    `unexpected answers: ${load.unexpected.length}${load.unexpected.length ? ` (${load.unexpected.slice(0, 3).join('; ')})` : ''}; unfinished: ${load.unfinished.length}; replayed after a lost answer: ${load.replayed}`,
    `events audited: ${verdict.audited}`,
    `effects: ${verdict.commands.accepted} accepted commands, ${verdict.commands.withoutEvent.length} without their event, ${verdict.commands.withSeveralEvents.length} recorded more than once`,
    `chain verification: ${verdict.chain.ok ? `ok (${verdict.chain.checkedEvents} events)` : `BROKEN at ${verdict.chain.firstInvalidPosition}: ${verdict.chain.reason}`}`,
  ];
  if (verdict.kafka) {
    const { distinct, missing, publishedMoreThanOnce } = verdict.kafka;
    const absent = verdict.audited - distinct;
    lines.push(`events on Kafka: ${distinct} of ${verdict.audited} (${distinct - publishedMoreThanOnce} exactly once, ${publishedMoreThanOnce} more than once, ${absent} missing${absent ? `: ${missing.join(', ')}` : ''})`);
  }
  if (verdict.readModels) {
    lines.push(`read models equal to a rebuild from the store: ${verdict.readModels.matches ? 'yes' : `NO (${verdict.readModels.differences.map((d) => d.table).join(', ')})`}`);
  }
  return lines;
}

/**
 * What went wrong, one line each; empty when the run held: only 201 and 503 (and failed
 * connections while the api itself was down), every command answered, each command's effect
 * recorded exactly once, the chain intact, every event on Kafka, read models equal to a rebuild.
 */
export function problemsIn(load: LoadReport, verdict: FaultVerdict): string[] {
  const problems = [
    ...load.unexpected.map((answer) => `unexpected answer ${answer}`),
    ...load.unfinished.map((key) => `never answered 201: ${key}`),
    ...verdict.commands.withoutEvent.map((key) => `answered 201 but recorded nothing: ${key}`),
    ...verdict.commands.withSeveralEvents.map((key) => `recorded more than once: ${key}`),
  ];
  if (!verdict.chain.ok) problems.push(`chain broken at ${verdict.chain.firstInvalidPosition}: ${verdict.chain.reason}`);
  if (verdict.kafka && verdict.kafka.missing.length > 0) problems.push(`not on Kafka: positions ${verdict.kafka.missing.join(', ')}`);
  for (const difference of verdict.readModels?.differences ?? []) {
    problems.push(`${difference.table} differs from a rebuild: live only ${difference.onlyLive.join(' ')}; rebuilt only ${difference.onlyRebuilt.join(' ')}`);
  }
  return problems;
}
