import { readFileSync } from 'node:fs';
import {
  ALG_COSIGNATURE_V1,
  ALG_ED25519,
  parseCheckpoint,
  parseVerifierKey,
  verifierLeafHash,
  verifyInclusion,
  NoteVerifier,
  openNote,
} from '@coalition/transparency-log';
import { statedPositionIn, verifyLeavesExport } from './leaves-verification';

export { verifyLeavesExport } from './leaves-verification';

/*
 * Verification that needs no database and no trust in the operator: a signed checkpoint, the
 * log's verifier key (and the witnesses' keys a state requires), and either the log's leaves
 * export (`GET /audit/export?format=leaves`) or one inclusion proof. Each export line is an
 * event's canonical bytes exactly as the tree hashes them, so the verifier hashes the bytes as
 * they stand in the file, with no JSON parsing, and whoever reads the file reads what was hashed.
 */

export interface OfflineOptions {
  checkpoint: string;
  logKey: string;
  witnessKeys: readonly string[];
  exportFile?: string;
  proofFile?: string;
}

export type OfflineResult =
  | { ok: true; origin: string; treeSize: number; rootHash: string; cosignedBy: string[]; checkedLeaves?: number; provedPosition?: number }
  | { ok: false; reason: string; firstInvalidPosition?: number };

export class OfflineUsageError extends Error {}

const fail = (reason: string, firstInvalidPosition?: number): OfflineResult => ({ ok: false, reason, ...(firstInvalidPosition ? { firstInvalidPosition } : {}) });

/** Opens the checkpoint: the log must have signed it, and every required witness cosigned it. */
export function checkSignedCheckpoint(note: string, logKey: string, witnessKeys: readonly string[]) {
  const log = parseVerifierKey(logKey);
  if (log.alg !== ALG_ED25519) throw new OfflineUsageError('--key must be the log verifier key (GET /audit/log-key)');
  const witnesses: NoteVerifier[] = witnessKeys.map((key) => {
    const witness = parseVerifierKey(key);
    if (witness.alg !== ALG_COSIGNATURE_V1) throw new OfflineUsageError(`--witness-key ${key} is not a cosignature (type 0x04) key`);
    return witness;
  });
  const opened = openNote(note, [log, ...witnesses]);
  const checkpoint = parseCheckpoint(opened.text);
  if (checkpoint.origin !== log.name) throw new Error(`the checkpoint's origin is ${checkpoint.origin}, but the key is ${log.name}'s`);
  if (!opened.verified.some((s) => s.name === log.name && s.keyId === log.keyId)) throw new Error('the checkpoint is not signed by the log key');
  const cosignedBy = witnesses.filter((w) => opened.verified.some((s) => s.name === w.name && s.keyId === w.keyId)).map((w) => w.name);
  const missing = witnesses.filter((w) => !cosignedBy.includes(w.name)).map((w) => w.name);
  if (missing.length > 0) throw new Error(`no cosignature from ${missing.join(', ')}`);
  return { checkpoint, cosignedBy };
}

const statedPosition = (line: Buffer): number => statedPositionIn(line, 0, line.length);

export async function verifyOffline(options: OfflineOptions): Promise<OfflineResult> {
  let signed: ReturnType<typeof checkSignedCheckpoint>;
  try {
    signed = checkSignedCheckpoint(options.checkpoint, options.logKey, options.witnessKeys);
  } catch (error) {
    if (error instanceof OfflineUsageError) throw error;
    return fail(`checkpoint refused: ${(error as Error).message}`);
  }
  const { checkpoint, cosignedBy } = signed;
  const good = { ok: true as const, origin: checkpoint.origin, treeSize: checkpoint.size, rootHash: checkpoint.root.toString('base64'), cosignedBy };
  let result: OfflineResult = good;
  if (options.exportFile) {
    const rebuilt = await verifyLeavesExport(options.exportFile, checkpoint.size);
    if ('error' in rebuilt) return fail(rebuilt.error, rebuilt.position);
    if (!rebuilt.root.equals(checkpoint.root)) return fail(`the export's tree of ${checkpoint.size} leaves has another root than the signed checkpoint: an event was changed, removed or reordered`);
    result = { ...good, checkedLeaves: rebuilt.leaves };
  }
  if (options.proofFile) {
    const proof = JSON.parse(readFileSync(options.proofFile, 'utf8')) as { position: number; leafIndex: number; treeSize: number; leaf?: string; leafHash: string; proof: string[] };
    if (proof.treeSize !== checkpoint.size) return fail(`the proof is for a tree of ${proof.treeSize}; the checkpoint's is ${checkpoint.size}`);
    const hash = Buffer.from(proof.leafHash, 'base64');
    if (proof.leaf !== undefined) {
      const leaf = Buffer.from(proof.leaf, 'base64');
      if (!verifierLeafHash(leaf).equals(hash)) return fail('the proof\'s leaf does not hash to its leafHash', proof.position);
      if (statedPosition(leaf) !== proof.position || proof.leafIndex !== proof.position - 1) return fail('the proof\'s leaf states another position', proof.position);
    }
    if (!verifyInclusion(proof.leafIndex, proof.treeSize, hash, proof.proof.map((p) => Buffer.from(p, 'base64')), checkpoint.root)) {
      return fail(`the event at position ${proof.position} is not included in the signed checkpoint`, proof.position);
    }
    result = { ...result, provedPosition: proof.position } as OfflineResult;
  }
  return result;
}

export const OFFLINE_USAGE = `usage: npm run audit:verify -- --checkpoint <file> --key <log verifier key>
                             [--export <leaves.ndjson>] [--proof <proof.json>] [--witness-key <key>]...

Checks a signed checkpoint (GET /audit/checkpoint) against the log's verifier key
(GET /audit/log-key), requiring a cosignature from each --witness-key; with --export, rebuilds
the RFC 9162 tree from GET /audit/export?format=leaves and compares its root; with --proof,
checks an inclusion proof (GET /audit/proofs/inclusion) against the checkpoint. No database.
Exit status: 0 verified, 1 refused, 2 bad arguments.`;

export function parseOfflineArguments(argv: readonly string[]): OfflineOptions {
  const values = new Map<string, string>();
  const witnessKeys: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (!['--checkpoint', '--key', '--export', '--proof', '--witness-key'].includes(flag)) throw new OfflineUsageError(`unknown argument ${argv[i]}\n\n${OFFLINE_USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new OfflineUsageError(`${flag} needs a value`);
    if (flag === '--witness-key') witnessKeys.push(value);
    else values.set(flag, value);
  }
  const checkpointFile = values.get('--checkpoint');
  const logKey = values.get('--key');
  if (!checkpointFile || !logKey) throw new OfflineUsageError(`--checkpoint and --key are required\n\n${OFFLINE_USAGE}`);
  let checkpoint: string;
  try {
    checkpoint = readFileSync(checkpointFile, 'utf8');
  } catch (error) {
    throw new OfflineUsageError(`cannot read ${checkpointFile}: ${(error as Error).message}`);
  }
  return { checkpoint, logKey: logKey.trim(), witnessKeys, exportFile: values.get('--export'), proofFile: values.get('--proof') };
}

/** `npm run audit:verify -- --checkpoint …`: writes one line and the JSON result, answers the exit status. */
export async function runOfflineVerification(argv: readonly string[], write: (text: string) => void): Promise<number> {
  let options: OfflineOptions;
  let result: OfflineResult;
  try {
    options = parseOfflineArguments(argv);
    result = await verifyOffline(options);
  } catch (error) {
    if (error instanceof OfflineUsageError || (error as Error).name === 'MalformedNote' || (error as Error).message.startsWith('malformed')) {
      write(`${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
  const line = result.ok
    ? `transparency log verified: ${result.origin} at size ${result.treeSize}, signed by the log${result.cosignedBy.length ? ` and cosigned by ${result.cosignedBy.join(', ')}` : ''}${result.checkedLeaves !== undefined ? `; the export's ${result.checkedLeaves} leaves rebuild its root` : ''}${result.provedPosition !== undefined ? `; position ${result.provedPosition} is included` : ''}`
    : `transparency log REFUSED: ${result.reason}`;
  write(`${line}\n${JSON.stringify(result)}\n`);
  return result.ok ? 0 : 1;
}

/** Whether the verify command's arguments ask for offline verification. */
export const isOfflineVerification = (argv: readonly string[]): boolean =>
  argv.some((a) => /^--(checkpoint|key|export|proof|witness-key)(=|$)/.test(a));
