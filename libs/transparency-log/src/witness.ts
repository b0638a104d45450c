import { Checkpoint, parseCheckpoint } from './checkpoint';
import { cosign } from './cosignature';
import { MalformedNote, NoteSigner, NoteVerificationError, NoteVerifier, openNote, splitNote, strictBase64 } from './note';
import { verifyConsistency } from './verify';

/*
 * The decision of a c2sp.org/tlog-witness witness on one add-checkpoint request, as a pure
 * function of the request, what the witness recorded last for that log, its keys and the time.
 * The HTTP server around it only stores the answer's new record (before it answers).
 */

export interface WitnessedLog {
  origin: string;
  verifiers: readonly NoteVerifier[];
}

/** The latest checkpoint a witness cosigned for one origin. */
export interface WitnessRecord {
  origin: string;
  size: number;
  root: string;
  /** The checkpoint as it was submitted, kept as evidence. */
  note: string;
}

export interface AddCheckpointAnswer {
  status: 200 | 400 | 403 | 404 | 409 | 422;
  contentType: string;
  body: string;
  /** On 200, what the witness must persist before answering. */
  record?: WitnessRecord;
  /** Why the request was refused, for the witness's own log. */
  reason?: string;
}

export interface AddCheckpointRequest {
  oldSize: number;
  proof: Buffer[];
  checkpoint: string;
}

const MAX_PROOF_LINES = 63;

export function parseAddCheckpoint(body: string): AddCheckpointRequest {
  const firstBreak = body.indexOf('\n');
  const oldLine = firstBreak < 0 ? '' : body.slice(0, firstBreak);
  const old = /^old (0|[1-9]\d{0,15})$/.exec(oldLine);
  if (!old) throw new MalformedNote('the first line must be "old <size>"');
  const proof: Buffer[] = [];
  let at = firstBreak + 1;
  for (;;) {
    const next = body.indexOf('\n', at);
    if (next < 0) throw new MalformedNote('the proof must end with an empty line');
    const line = body.slice(at, next);
    at = next + 1;
    if (line === '') break;
    const hash = strictBase64(line);
    if (!hash || hash.length !== 32) throw new MalformedNote('a proof line must be one base64 SHA-256 hash');
    proof.push(hash);
    if (proof.length > MAX_PROOF_LINES) throw new MalformedNote(`at most ${MAX_PROOF_LINES} proof lines`);
  }
  return { oldSize: Number(old[1]), proof, checkpoint: body.slice(at) };
}

export const formatAddCheckpoint = (request: AddCheckpointRequest): string =>
  `old ${request.oldSize}\n${request.proof.map((p) => `${p.toString('base64')}\n`).join('')}\n${request.checkpoint}`;

const TEXT = 'text/plain; charset=utf-8';
const refuse = (status: AddCheckpointAnswer['status'], reason: string, contentType = TEXT, body = `${reason}\n`): AddCheckpointAnswer => ({
  status,
  contentType,
  body,
  reason,
});

export function decideAddCheckpoint(
  body: string,
  context: {
    logs: ReadonlyMap<string, WitnessedLog>;
    recorded: (origin: string) => WitnessRecord | undefined;
    signer: NoteSigner;
    /** POSIX seconds. */
    now: number;
  },
): AddCheckpointAnswer {
  let request: AddCheckpointRequest;
  let checkpoint: Checkpoint;
  let text: string;
  try {
    request = parseAddCheckpoint(body);
    text = splitNote(request.checkpoint).text;
    checkpoint = parseCheckpoint(text);
  } catch (error) {
    return refuse(400, (error as Error).message);
  }
  const log = context.logs.get(checkpoint.origin);
  if (!log) return refuse(404, `unknown log ${checkpoint.origin}`);
  try {
    openNote(request.checkpoint, log.verifiers);
  } catch (error) {
    if (error instanceof NoteVerificationError || error instanceof MalformedNote) return refuse(403, `checkpoint not signed by the log: ${error.message}`);
    throw error;
  }
  if (request.oldSize > checkpoint.size) return refuse(400, `old size ${request.oldSize} is above the checkpoint size ${checkpoint.size}`);
  const recorded = context.recorded(checkpoint.origin);
  const recordedSize = recorded?.size ?? 0;
  if (request.oldSize !== recordedSize) {
    return { ...refuse(409, `old size ${request.oldSize} is not the size last cosigned, ${recordedSize}`), contentType: 'text/x.tlog.size', body: `${recordedSize}\n` };
  }
  const root = checkpoint.root.toString('base64');
  if (recorded && request.oldSize > 0) {
    if (request.oldSize === checkpoint.size) {
      if (recorded.root !== root) return refuse(409, `a different root for size ${checkpoint.size}: the log forked`);
    } else if (!verifyConsistency(recorded.size, checkpoint.size, Buffer.from(recorded.root, 'base64'), checkpoint.root, request.proof)) {
      return refuse(422, `no valid consistency proof from ${recorded.size} to ${checkpoint.size}`);
    }
  } else if (request.proof.length > 0) {
    return refuse(400, 'the proof must be empty when the old size is 0');
  }
  return {
    status: 200,
    contentType: TEXT,
    body: cosign(context.signer, text, context.now),
    record: { origin: checkpoint.origin, size: checkpoint.size, root, note: request.checkpoint },
  };
}
