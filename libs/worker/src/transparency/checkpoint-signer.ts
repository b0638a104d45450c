import { Logger } from '@nestjs/common';
import { formatCheckpoint, Hash, NoteSigner, signNote } from '@coalition/transparency-log';
import { Database } from '@coalition/platform';
import { TransparencyLog } from '@coalition/event-store';
import { SignedCheckpoint } from '@coalition/read-side';
import { requestCosignature, WitnessAnswer, WitnessEndpoint } from './witness-client';

export interface WitnessObserver {
  cosigned?(witness: string, size: number): void;
  refused?(witness: string, status: number | 'invalid', reason: string): void;
}

/** The worker's observer: every cosignature and every refusal counted, by witness (and status). */
export const witnessMetrics = (metrics: {
  witnessCosignatures: { inc(labels: { witness: string }): void };
  witnessRefusals: { inc(labels: { witness: string; status: string }): void };
}): WitnessObserver => ({
  cosigned: (witness) => metrics.witnessCosignatures.inc({ witness }),
  refused: (witness, status) => metrics.witnessRefusals.inc({ witness, status: String(status) }),
});

const asBuffer = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));

/**
 * Signs a C2SP checkpoint of the stored tree and asks every configured witness to cosign it.
 * Before signing a larger tree it checks its own stored nodes still give the root it signed
 * last, so the log never signs a history that contradicts its own last checkpoint.
 */
export class CheckpointSigner {
  private readonly logger = new Logger(CheckpointSigner.name);
  private readonly log: TransparencyLog;

  constructor(
    private readonly db: Database,
    private readonly signer: NoteSigner,
    private readonly witnesses: readonly WitnessEndpoint[],
    private readonly options: { timeoutMs: number },
    private readonly observer: WitnessObserver = {},
  ) {
    this.log = new TransparencyLog(db);
  }

  get origin(): string {
    return this.signer.name;
  }

  /** Signs the current tree if it grew since the last checkpoint, collects cosignatures, answers the result. */
  async signLatest(): Promise<SignedCheckpoint | undefined> {
    const size = await this.log.treeSize();
    const [last] = await this.db.query<{ size: string; root: Uint8Array }>('SELECT size, root FROM tlog_checkpoints ORDER BY size DESC LIMIT 1');
    if (size === 0 && !last) return undefined;
    if (!last || size > Number(last.size)) {
      if (last && !(await this.log.root(Number(last.size))).equals(asBuffer(last.root))) {
        throw new Error(`the stored tree no longer gives the root signed at size ${last.size}: not signing over it`);
      }
      const root = await this.log.root(size);
      const note = signNote(formatCheckpoint({ origin: this.signer.name, size, root }), this.signer);
      await this.db.query('INSERT INTO tlog_checkpoints (size, root, note) VALUES ($1, $2, $3) ON CONFLICT (size) DO NOTHING', [size, root, note]);
    }
    const [row] = await this.db.query<{ size: string; root: Uint8Array; note: string }>('SELECT size, root, note FROM tlog_checkpoints ORDER BY size DESC LIMIT 1');
    await this.collectCosignatures({ size: Number(row.size), note: row.note });
    return this.describe(Number(row.size), asBuffer(row.root));
  }

  private async collectCosignatures(checkpoint: { size: number; note: string }): Promise<void> {
    const have = new Set(
      (await this.db.query<{ witness: string }>('SELECT witness FROM tlog_cosignatures WHERE size = $1', [checkpoint.size])).map((r) => r.witness),
    );
    await Promise.all(
      this.witnesses
        .filter((w) => !have.has(w.verifier.name))
        .map(async (witness) => {
          const name = witness.verifier.name;
          const [known] = await this.db.query<{ size: string }>('SELECT size FROM tlog_witnesses WHERE witness = $1', [name]);
          const answer: WitnessAnswer = await requestCosignature(
            witness,
            checkpoint,
            known ? Number(known.size) : 0,
            async (from) => (await this.log.consistency(from, checkpoint.size)).proof.map((p) => Buffer.from(p, 'base64')),
            this.options.timeoutMs,
          );
          if (!answer.ok) {
            this.logger.error(`witness ${name} (${witness.url}) refused checkpoint ${checkpoint.size}: ${answer.status} ${answer.reason}`);
            this.observer.refused?.(name, answer.status, answer.reason);
            if (answer.size !== undefined) await this.rememberSize(name, answer.size);
            return;
          }
          await this.db.query(
            'INSERT INTO tlog_cosignatures (size, witness, line, cosigned_at) VALUES ($1, $2, $3, to_timestamp($4)) ON CONFLICT DO NOTHING',
            [checkpoint.size, name, answer.line, answer.timestamp],
          );
          await this.rememberSize(name, answer.size);
          this.observer.cosigned?.(name, checkpoint.size);
        }),
    );
  }

  private rememberSize(witness: string, size: number): Promise<unknown> {
    return this.db.query(
      `INSERT INTO tlog_witnesses (witness, size) VALUES ($1, $2)
       ON CONFLICT (witness) DO UPDATE SET size = EXCLUDED.size, updated_at = now()`,
      [witness, size],
    );
  }

  private async describe(size: number, root: Hash): Promise<SignedCheckpoint> {
    const latest = await this.log.latestCheckpoint();
    const cosignedBy = (await this.db.query<{ witness: string }>('SELECT witness FROM tlog_cosignatures WHERE size = $1 ORDER BY witness', [size])).map((r) => r.witness);
    return { origin: this.signer.name, treeSize: size, rootHash: root.toString('base64'), checkpoint: latest?.note ?? '', cosignedBy };
  }
}
