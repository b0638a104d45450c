import { HASH_SIZE } from './hashes';
import { MalformedNote, strictBase64 } from './note';

/** c2sp.org/tlog-checkpoint: the note text "<origin>\n<tree size>\n<base64 root>\n" (no extension lines from us). */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

export const formatCheckpoint = (checkpoint: Checkpoint): string =>
  `${checkpoint.origin}\n${checkpoint.size}\n${checkpoint.root.toString('base64')}\n`;

/** Parses a checkpoint's note text; extension lines after the root are allowed and kept out. */
export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new MalformedNote('malformed checkpoint');
  const [origin, size, root] = lines;
  if (origin.length === 0 || !/^(0|[1-9]\d{0,15})$/.test(size) || !Number.isSafeInteger(Number(size))) throw new MalformedNote('malformed checkpoint');
  const hash = strictBase64(root);
  if (!hash || hash.length !== HASH_SIZE) throw new MalformedNote('malformed checkpoint root');
  if (lines.slice(3, -1).some((line) => line.length === 0)) throw new MalformedNote('malformed checkpoint');
  return { origin, size: Number(size), root: hash };
}
