import { DevelopmentKind, LegalActionKind, legalActionStreamId, LegalOutcome, Signatory } from '@coalition/domain';
import { Database, Row } from '@coalition/platform';

export interface LegalDevelopmentView {
  id: string;
  kind: DevelopmentKind;
  occurredOn: string;
  summary: string;
  documentSha256?: string;
  stateCode: string;
  recordedAt: string;
  recordedBy: string;
}

export interface LegalFilingView {
  filedOn: string;
  docketNumber: string;
  documentSha256: string;
  documentUri?: string;
  filedAt: string;
  filedBy: string;
}

/**
 * The API contract's shape, plus: `compactId`, `signatoriesAtDeadline` (once the sign-on list is
 * locked at the deadline), `openedAt`, `openedBy`, `outcomeSummary`, `closedAt` and the stream `version`.
 */
export interface LegalActionView {
  id: string;
  kind: LegalActionKind;
  title: string;
  summary: string;
  forum: string;
  leadState: string;
  status: 'open' | 'filed' | 'closed';
  signOnDeadline: string;
  compactId?: string;
  signatories: Signatory[];
  signatoriesAtDeadline?: Signatory[];
  filing?: LegalFilingView;
  developments: LegalDevelopmentView[];
  outcome?: LegalOutcome;
  outcomeSummary?: string;
  closedAt?: string;
  openedAt: string;
  openedBy: string;
  version: number;
  /** Its stream in the audit log (GET /audit/streams/{streamId}). */
  streamId: string;
}

const iso = (value: unknown): string => new Date(value as string | Date).toISOString();

export class LegalActionsRepository {
  constructor(private readonly db: Database) {}

  /** Newest first. */
  async list(): Promise<LegalActionView[]> {
    return this.assemble(await this.db.query('SELECT * FROM rm_legal_actions ORDER BY opened_at DESC, id'));
  }

  async get(id: string): Promise<LegalActionView | undefined> {
    const [view] = await this.assemble(await this.db.query('SELECT * FROM rm_legal_actions WHERE id = $1', [id]));
    return view;
  }

  private async assemble(rows: Row[]): Promise<LegalActionView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => String(r.id));
    // Withdrawn signatures stay in the table (and the audit log) but are no longer signatories.
    const signatures = await this.db.query(
      `SELECT legal_action_id, state_code, signed_at, signed_by FROM rm_legal_action_signatures
        WHERE legal_action_id = ANY($1::text[]) AND withdrawn_at IS NULL ORDER BY signed_at, position`,
      [ids],
    );
    const developments = await this.db.query(
      `SELECT id, legal_action_id, kind, occurred_on::text AS occurred_on, summary, document_sha256, state_code, recorded_at, recorded_by
         FROM rm_legal_action_developments WHERE legal_action_id = ANY($1::text[]) ORDER BY position`,
      [ids],
    );
    const group = <T>(items: Row[], map: (row: Row) => T) => {
      const byAction = new Map<string, T[]>();
      for (const item of items) {
        const key = String(item.legal_action_id);
        byAction.set(key, [...(byAction.get(key) ?? []), map(item)]);
      }
      return byAction;
    };
    const signatoriesOf = group(signatures, (s): Signatory => ({ stateCode: String(s.state_code), signedAt: iso(s.signed_at), signedBy: String(s.signed_by) }));
    const developmentsOf = group(developments, (d): LegalDevelopmentView => ({
      id: String(d.id),
      kind: d.kind as DevelopmentKind,
      occurredOn: String(d.occurred_on),
      summary: String(d.summary),
      ...(d.document_sha256 ? { documentSha256: String(d.document_sha256) } : {}),
      stateCode: String(d.state_code),
      recordedAt: iso(d.recorded_at),
      recordedBy: String(d.recorded_by),
    }));
    return rows.map((r) => {
      const id = String(r.id);
      return {
        id,
        kind: r.kind as LegalActionKind,
        title: String(r.title),
        summary: String(r.summary),
        forum: String(r.forum),
        leadState: String(r.lead_state),
        status: r.status as LegalActionView['status'],
        signOnDeadline: iso(r.sign_on_deadline),
        ...(r.compact_id ? { compactId: String(r.compact_id) } : {}),
        signatories: signatoriesOf.get(id) ?? [],
        ...(r.signatories_at_deadline ? { signatoriesAtDeadline: r.signatories_at_deadline as Signatory[] } : {}),
        ...(r.filing ? { filing: r.filing as LegalFilingView } : {}),
        developments: developmentsOf.get(id) ?? [],
        ...(r.outcome ? { outcome: r.outcome as LegalOutcome, outcomeSummary: String(r.outcome_summary), closedAt: iso(r.closed_at) } : {}),
        openedAt: iso(r.opened_at),
        openedBy: String(r.opened_by),
        version: Number(r.version),
        streamId: legalActionStreamId(id),
      };
    });
  }
}
