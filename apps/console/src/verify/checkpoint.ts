import { fromBase64 } from './bytes';
import { checkNote, COSIGNATURE_V1, ED25519, NoteError, parseVerifierKey, VerifierKey } from './note';

/** c2sp.org/tlog-checkpoint: the note text "<origin>\n<tree size>\n<base64 root>\n", then optional extension lines. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new NoteError('malformed checkpoint');
  const [origin, size, root] = lines;
  const hash = fromBase64(root);
  if (origin.length === 0 || !/^(0|[1-9]\d{0,15})$/.test(size) || !Number.isSafeInteger(Number(size))) throw new NoteError('malformed checkpoint');
  if (!hash || hash.length !== 32) throw new NoteError('malformed checkpoint root');
  if (lines.slice(3, -1).some((line) => line.length === 0)) throw new NoteError('malformed checkpoint extension line');
  return { origin, size: Number(size), root: hash };
}

/** The keys a reader trusts: the log's (type 0x01) and each configured witness's (type 0x04), as verifier key lines. */
export interface TrustedKeys {
  logKey: string;
  witnessKeys: string[];
}

export type CheckpointCheck =
  | { ok: true; checkpoint: Checkpoint; logName: string; cosigners: string[]; badCosigners: string[]; witnesses: string[] }
  | { ok: false; reason: 'log-signature' | 'origin' | 'malformed'; detail: string };

async function keysOf(trusted: TrustedKeys): Promise<{ log: VerifierKey; witnesses: VerifierKey[] }> {
  const log = await parseVerifierKey(trusted.logKey.trim());
  if (log.type !== ED25519) throw new NoteError("the log's key is not an Ed25519 note key");
  const witnesses = await Promise.all(trusted.witnessKeys.map((key) => parseVerifierKey(key.trim())));
  if (witnesses.some((w) => w.type !== COSIGNATURE_V1)) throw new NoteError("a witness's key is not a cosignature key");
  return { log, witnesses };
}

/**
 * Checks a checkpoint note: the log's signature must verify (and its key name be the
 * checkpoint's origin); each configured witness whose cosignature verifies is a cosigner. A
 * signature line by a key not trusted here counts for nothing.
 */
export async function checkCheckpoint(note: string, trusted: TrustedKeys): Promise<CheckpointCheck> {
  try {
    const { log, witnesses } = await keysOf(trusted);
    const { text, checked } = await checkNote(note, [log, ...witnesses]);
    const bySigner = (key: VerifierKey) => checked.filter((c) => c.key === key);
    const logSignatures = bySigner(log);
    if (logSignatures.length === 0 || logSignatures.some((c) => !c.valid)) {
      return { ok: false, reason: 'log-signature', detail: logSignatures.length === 0 ? 'no signature by the log key' : "the log's signature does not verify" };
    }
    const checkpoint = parseCheckpoint(text);
    if (checkpoint.origin !== log.name) return { ok: false, reason: 'origin', detail: `the checkpoint is of ${checkpoint.origin}, the key of ${log.name}` };
    const cosigners = witnesses.filter((w) => bySigner(w).some((c) => c.valid)).map((w) => w.name);
    const badCosigners = witnesses.filter((w) => bySigner(w).some((c) => !c.valid)).map((w) => w.name);
    return { ok: true, checkpoint, logName: log.name, cosigners, badCosigners, witnesses: witnesses.map((w) => w.name) };
  } catch (error) {
    if (error instanceof NoteError) return { ok: false, reason: 'malformed', detail: error.message };
    throw error;
  }
}
