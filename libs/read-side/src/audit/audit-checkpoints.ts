import { Database } from '@coalition/platform';

/** A C2SP checkpoint of the Merkle tree as the worker signed it, with the witnesses' cosignatures. */
export interface SignedCheckpoint {
  origin: string;
  treeSize: number;
  /** base64 RFC 9162 root. */
  rootHash: string;
  /** The C2SP checkpoint: the log's signature and every cosignature collected, as one signed note. */
  checkpoint: string;
  /** Names of the witnesses that cosigned it. */
  cosignedBy: string[];
}

/**
 * What the worker publishes to `<prefix>coalition.audit-checkpoints.v1` (key `AUDIT_CHECKPOINT_KEY`):
 * the signed C2SP checkpoint of the Merkle tree with its cosignatures, and the hash-chain head
 * it was verified with.
 */
export interface AuditCheckpoint extends Partial<SignedCheckpoint> {
  /** Position of the chain head. */
  position: number;
  /** Its hash: sha256(prev_hash || canonical JSON), hex. */
  hash: string;
  /** When the head event was recorded. */
  time: string;
  publishedAt: string;
}

/** One key for every checkpoint, so they share a partition and arrive in order. */
export const AUDIT_CHECKPOINT_KEY = 'audit-chain-head';

/** The checkpoints published so far, newest first. */
export async function listAuditCheckpoints(db: Database, limit: number): Promise<AuditCheckpoint[]> {
  const rows = await db.query<{ position: string; hash: string; time: Date | string; published_at: Date | string }>(
    'SELECT position, hash, time, published_at FROM audit_checkpoints ORDER BY position DESC LIMIT $1',
    [limit],
  );
  return rows.map((r) => ({ position: Number(r.position), hash: r.hash, time: new Date(r.time).toISOString(), publishedAt: new Date(r.published_at).toISOString() }));
}
