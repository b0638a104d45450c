import { Charter, CompactState, compactStreamId, compactExists, CompactStatus, MemberStatus, Ratification, VotingRule } from '@coalition/domain';
import { Database } from '@coalition/platform';

export interface CompactMemberView {
  stateCode: string;
  status: MemberStatus;
  ratification?: Ratification;
  effectiveAt?: string;
}

/** GET /compacts/:id. */
export interface CompactView {
  id: string;
  title: string;
  purpose: string;
  status: CompactStatus;
  charter: Charter;
  votingRule: VotingRule;
  minRatifications: number;
  withdrawalNoticeDays: number;
  members: CompactMemberView[];
  version: number;
  /** Its stream in the audit log (GET /audit/streams/{streamId}). */
  streamId: string;
}

/** An item of GET /compacts; members are those admitted, ratified or withdrawing. */
export interface CompactSummary {
  id: string;
  title: string;
  status: CompactStatus;
  memberCount: number;
  /** Its stream in the audit log (GET /audit/streams/{streamId}). */
  streamId: string;
}

const iso = (value: unknown): string => new Date(value as string | Date).toISOString();
// jsonb keeps keys in its own order; answers list them in the order API.md documents.
const ruleInOrder = ({ method, quorum, threshold }: VotingRule): VotingRule => ({ method, quorum, threshold });
const ratificationInOrder = ({ kind, reference, enactedOn }: Ratification): Ratification => ({ kind, reference, enactedOn });

const MEMBER_STATUSES_COUNTED: MemberStatus[] = ['admitted', 'ratified', 'withdrawing'];

/**
 * The same view from the aggregate itself, for `?asOf=` (time travel folds the event store):
 * one shape whichever way it was read.
 */
export function compactViewOf(state: CompactState, version: number): CompactView | undefined {
  if (!compactExists(state)) return undefined;
  return {
    id: state.compactId,
    title: state.title,
    purpose: state.purpose,
    status: state.status,
    charter: { text: state.charter.text, sha256: state.charter.sha256, version: state.charter.version },
    votingRule: ruleInOrder(state.votingRule),
    minRatifications: state.minRatifications,
    withdrawalNoticeDays: state.withdrawalNoticeDays,
    members: Object.values(state.members).map((m) => ({
      stateCode: m.stateCode,
      status: m.status,
      ...(m.ratification ? { ratification: ratificationInOrder(m.ratification) } : {}),
      ...(m.effectiveAt ? { effectiveAt: m.effectiveAt } : {}),
    })),
    version,
    streamId: compactStreamId(state.compactId),
  };
}


export class CompactsRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<CompactSummary[]> {
    const rows = await this.db.query<{ id: string; title: string; status: CompactStatus; member_count: string }>(
      `SELECT c.id, c.title, c.status,
              (SELECT count(*) FROM rm_compact_members m WHERE m.compact_id = c.id AND m.status = ANY($1::text[])) AS member_count
         FROM rm_compacts c ORDER BY c.drafted_position`,
      [MEMBER_STATUSES_COUNTED],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, memberCount: Number(r.member_count), streamId: compactStreamId(r.id) }));
  }

  async find(id: string): Promise<CompactView | undefined> {
    const [row] = await this.db.query<Record<string, unknown>>('SELECT * FROM rm_compacts WHERE id = $1', [id]);
    if (!row) return undefined;
    const members = await this.db.query<{ state_code: string; status: MemberStatus; ratification: Ratification | null; effective_at: unknown }>(
      'SELECT state_code, status, ratification, effective_at FROM rm_compact_members WHERE compact_id = $1 ORDER BY joined_position, joined_order',
      [id],
    );
    return {
      id: String(row.id),
      title: String(row.title),
      purpose: String(row.purpose),
      status: row.status as CompactStatus,
      charter: { text: String(row.charter_text), sha256: String(row.charter_sha256), version: Number(row.charter_version) },
      votingRule: ruleInOrder(row.voting_rule as VotingRule),
      minRatifications: Number(row.min_ratifications),
      withdrawalNoticeDays: Number(row.withdrawal_notice_days),
      members: members.map((m) => ({
        stateCode: m.state_code,
        status: m.status,
        ...(m.ratification ? { ratification: ratificationInOrder(m.ratification) } : {}),
        ...(m.effective_at ? { effectiveAt: iso(m.effective_at) } : {}),
      })),
      version: Number(row.version),
      streamId: compactStreamId(String(row.id)),
    };
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM rm_compacts WHERE id = $1', [id])).length > 0;
  }
}
