import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { prefixedLeafHash, RootBuilder } from '@coalition/transparency-log';

/*
 * The leaves export's verifier: every line is an event's canonical bytes exactly as the tree
 * hashes them (or, for an event that holds credentials, its leaf hash), so the verifier hashes
 * the bytes as they stand in the file, with no JSON parsing, and whoever reads the file reads
 * what was hashed.
 *
 * Two threads share the work. This one reads the file, finds each line, checks the position it
 * states, writes the 0x00 leaf prefix in place over the previous line's newline and folds the
 * leaf hashes into the tree (one node hash per leaf on average); a worker thread computes the
 * leaf hashes, SHA-256(0x00 || line), of one chunk while this thread scans the next and folds
 * the last. Chunks move between the threads (transferred, never shared), so neither can see the
 * other's bytes change. The worker is a few lines of plain node:crypto, below in full.
 */

const HASHER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
parentPort.on('message', ({ chunk, ranges, count }) => {
  const bytes = Buffer.from(chunk);
  const at = new Int32Array(ranges);
  const out = Buffer.alloc(32 * count);
  for (let i = 0; i < count; i++) {
    if (at[2 * i] >= 0) hash('sha256', bytes.subarray(at[2 * i], at[2 * i + 1]), 'buffer').copy(out, 32 * i);
  }
  parentPort.postMessage({ chunk, hashes: out.buffer }, [chunk, out.buffer]);
});`;

/** One chunk's leaves, in order: the byte range of each hashed leaf (-1 for a withheld one) and the withheld hashes. */
interface Batch {
  chunk: ArrayBuffer;
  ranges: number[];
  withheld: Map<number, Buffer>;
}

type Hashed = { chunk: ArrayBuffer; hashes: Buffer };

/** Hashes a batch's leaves: on a worker thread for a large export, in this thread for a small one. */
interface LeafHasher {
  hash(batch: Batch): Promise<Hashed>;
  close(): Promise<void>;
}

/** SHA-256 of each hashed range of the chunk, 32 bytes per leaf (a withheld leaf's slot stays empty). */
function hashRanges(bytes: Buffer, ranges: readonly number[]): Buffer {
  const out = Buffer.alloc(16 * ranges.length);
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i] >= 0) prefixedLeafHash(bytes.subarray(ranges[i], ranges[i + 1])).copy(out, 16 * i);
  return out;
}

/** The same work in this thread: below WORKER_FROM_BYTES, starting a worker costs more than it saves. */
class InlineHasher implements LeafHasher {
  hash(batch: Batch): Promise<Hashed> {
    return Promise.resolve({ chunk: batch.chunk, hashes: hashRanges(Buffer.from(batch.chunk), batch.ranges) });
  }

  close(): Promise<void> {
    // Nothing to stop: no thread was started.
    return Promise.resolve();
  }
}

/**
 * From this export size on, the leaf hashes go to a worker thread. Starting it and its first
 * answer cost about 20 ms: on 50 000 leaves (24 MB) that cancels the gain, on 200 000 (84 MB)
 * the two threads verify at 0.66-0.70x raw SHA-256 against 0.48-0.50x for one (docs/BENCHMARKS.md).
 */
export const WORKER_FROM_BYTES = 48 * 1024 * 1024;

/** The leaf hasher on its own thread: a batch in, the chunk back with its leaf hashes. */
class WorkerHasher implements LeafHasher {
  private readonly worker = new Worker(HASHER_SOURCE, { eval: true });
  private waiting: { resolve(reply: { chunk: ArrayBuffer; hashes: ArrayBuffer }): void; reject(error: Error): void } | undefined;
  private failure: Error | undefined;

  constructor() {
    this.worker.on('message', (reply: { chunk: ArrayBuffer; hashes: ArrayBuffer }) => this.waiting?.resolve(reply));
    this.worker.on('error', (error: Error) => this.fail(error));
    this.worker.on('exit', (code: number) => this.fail(new Error(`the leaf hasher stopped (exit code ${code})`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(this.failure);
  }

  /** Hashes the batch's ranges; the chunk is the worker's until the answer comes back. One batch at a time. */
  hash(batch: Batch): Promise<Hashed> {
    if (this.failure) return Promise.reject(this.failure);
    const ranges = Int32Array.from(batch.ranges);
    const answer = new Promise<{ chunk: ArrayBuffer; hashes: ArrayBuffer }>((resolve, reject) => (this.waiting = { resolve, reject }));
    this.worker.postMessage({ chunk: batch.chunk, ranges: ranges.buffer, count: batch.ranges.length / 2 }, [batch.chunk, ranges.buffer]);
    const hashed = answer.then(({ chunk, hashes }) => ({ chunk, hashes: Buffer.from(hashes) }));
    // Handled here too: a refusal may leave the last answer unawaited while the worker is stopped.
    hashed.catch(() => undefined);
    return hashed;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

const POSITION_KEY = Buffer.from(',"position":');
const REDACTED_START = Buffer.from('{"leafHash":');

/**
 * The position the leaf in bytes[start..end) states. In RFC 8785 JSON the top-level keys are
 * sorted, so "position" follows "metadata" and only scalars follow it; and `,"` cannot occur
 * inside a JSON string (its quote would be escaped), so the last `,"position":` is the
 * top-level one. Read in place: the verifier calls this once per export line.
 */
export function statedPositionIn(bytes: Buffer, start: number, end: number): number {
  const at = end - start >= POSITION_KEY.length ? bytes.lastIndexOf(POSITION_KEY, end - POSITION_KEY.length) : -1;
  if (at < start) return -1;
  let value = 0;
  for (let i = at + POSITION_KEY.length; i < end; i++) {
    const c = bytes[i];
    if (c < 0x30 || c > 0x39) return i === at + POSITION_KEY.length ? -1 : value;
    value = value * 10 + (c - 0x30);
  }
  return -1;
}

/** Whether bytes[start..end) is a withheld leaf (`{"leafHash":…`) rather than an event's bytes. */
const isWithheld = (bytes: Buffer, start: number, end: number): boolean =>
  end - start >= REDACTED_START.length && bytes[start + 2] === REDACTED_START[2] && bytes.compare(REDACTED_START, 0, REDACTED_START.length, start, start + REDACTED_START.length) === 0;

type Refusal = { error: string; position: number };

/** A withheld line's leaf hash, if it is well formed and in its place. */
function withheldHash(bytes: Buffer, start: number, end: number, position: number): Buffer | Refusal {
  const withheld = JSON.parse(bytes.toString('utf8', start, end)) as { leafHash?: string; position?: number };
  const hash = Buffer.from(withheld.leafHash ?? '', 'base64');
  if (withheld.position !== position || hash.length !== 32) return { error: 'a withheld leaf is malformed or out of place', position };
  return hash;
}

/**
 * Finds the complete lines of bytes[1..end) (byte 0 is spare, for the first line's prefix), checks
 * each, and prefixes each event line with 0x00 in place. Answers the batch, where the unfinished
 * last line starts, the position reached and whether `size` leaves are in; or the first refusal.
 */
function scan(bytes: Buffer, end: number, from: number, size: number): { batch: Omit<Batch, 'chunk'>; rest: number; position: number; full: boolean } | Refusal {
  const ranges: number[] = [];
  const withheld = new Map<number, Buffer>();
  let position = from;
  let start = 1;
  for (;;) {
    const newline = bytes.indexOf(0x0a, start);
    if (newline < 0 || newline >= end) break;
    if (position >= size) return { batch: { ranges, withheld }, rest: start, position, full: true };
    position += 1;
    if (isWithheld(bytes, start, newline)) {
      const hash = withheldHash(bytes, start, newline, position);
      if (!Buffer.isBuffer(hash)) return hash;
      withheld.set(ranges.length / 2, hash);
      ranges.push(-1, -1);
    } else {
      if (statedPositionIn(bytes, start, newline) !== position) return { error: `the leaf on line ${position} does not state position ${position}`, position };
      bytes[start - 1] = 0x00;
      ranges.push(start - 1, newline);
    }
    start = newline + 1;
  }
  return { batch: { ranges, withheld }, rest: start, position, full: false };
}

const fold = (builder: RootBuilder, batch: Batch, hashes: Buffer): void => {
  for (let i = 0; i < batch.ranges.length / 2; i++) builder.addLeafHash(batch.withheld.get(i) ?? hashes.subarray(32 * i, 32 * i + 32));
};

/** Rebuilds the tree from a leaves export and answers its root at `size` leaves. */
export async function verifyLeavesExport(
  path: string,
  size: number,
  options: { chunkBytes?: number; workerFromBytes?: number } = {},
): Promise<{ root: Buffer; leaves: number } | Refusal> {
  const file = await open(path, 'r');
  try {
    const { size: bytes } = await file.stat();
    const hasher: LeafHasher = bytes >= (options.workerFromBytes ?? WORKER_FROM_BYTES) ? new WorkerHasher() : new InlineHasher();
    try {
      return await rebuild(file.read.bind(file), hasher, size, options.chunkBytes ?? 4 * 1024 * 1024);
    } finally {
      await hasher.close();
    }
  } finally {
    await file.close();
  }
}

type Read = (buffer: Buffer, offset: number, length: number, position: null) => Promise<{ bytesRead: number }>;

/** The two-thread loop: read and scan a chunk, take the previous one back hashed and fold it, send this one. */
async function rebuild(read: Read, hasher: LeafHasher, size: number, chunkBytes: number): Promise<{ root: Buffer; leaves: number } | Refusal> {
  const builder = new RootBuilder();
  // One byte in front of each chunk so every line has a byte before it to hold the 0x00 prefix.
  let bytes: Buffer = Buffer.from(new ArrayBuffer(chunkBytes + 1));
  let spare: ArrayBuffer | undefined = new ArrayBuffer(chunkBytes + 1);
  let inFlight: { batch: Batch; answer: Promise<Hashed> } | undefined;
  let filled = 1;
  let position = 0;
  for (;;) {
    if (filled === bytes.length) bytes = grown(bytes, filled);
    const { bytesRead } = await read(bytes, filled, bytes.length - filled, null);
    const end = filled + bytesRead;
    const scanned = scan(bytes, end, position, size);
    if ('error' in scanned) return scanned;
    position = scanned.position;
    // The previous chunk comes back hashed: it takes this one's unfinished line, this one goes out.
    const previous = inFlight && (await inFlight.answer);
    const next = Buffer.from(previous?.chunk ?? (spare as ArrayBuffer));
    spare = undefined;
    const rest = end - scanned.rest;
    const target = next.length >= rest + 1 ? next : Buffer.from(new ArrayBuffer(bytes.length));
    bytes.copy(target, 1, scanned.rest, end);
    const batch: Batch = { chunk: bytes.buffer as ArrayBuffer, ...scanned.batch };
    const sent = { batch, answer: hasher.hash(batch) };
    if (inFlight && previous) fold(builder, inFlight.batch, previous.hashes);
    inFlight = sent;
    bytes = target;
    filled = 1 + rest;
    if (scanned.full) break;
    if (bytesRead === 0) {
      if (filled > 1) return { error: 'the export ends in an unfinished line', position: position + 1 };
      break;
    }
  }
  fold(builder, inFlight.batch, (await inFlight.answer).hashes);
  if (position < size) return { error: `the export holds ${position} leaves; the checkpoint says ${size}`, position: position + 1 };
  return { root: builder.root(), leaves: position };
}

/** A chunk twice the size holding the first `filled` bytes: a line longer than a chunk. */
function grown(bytes: Buffer, filled: number): Buffer {
  const bigger = Buffer.from(new ArrayBuffer(bytes.length * 2));
  bytes.copy(bigger, 0, 0, filled);
  return bigger;
}
