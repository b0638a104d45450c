import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { memberStateStreamId, userStreamId } from '@coalition/domain';
import { Database } from '@coalition/platform';
import { chainHash, EVENT_COLUMNS, GENESIS_HASH, StoredEvent, TOPICS } from '@coalition/event-store';

/** Fifty two-letter codes (AA, AB, ...): enough member states to spread events over. */
export const STATE_CODES = Array.from({ length: 50 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));

/**
 * Realistic events for the read side, generated the way the event store would write them
 * (same fields, same hash chain): the first fifty register member states, then one in ten
 * registers a user and the rest change a state's population. Both kinds are folded by a
 * projection, so a rebuild does real work for every event.
 */
export class EventGenerator {
  private position: number;
  private prevHash: string;
  private readonly versions = new Map<string, number>();
  private readonly base = Date.parse('2025-01-01T00:00:00Z');

  constructor(head: { position: number; hash: string } = { position: 0, hash: GENESIS_HASH }, versions: Iterable<[string, number]> = []) {
    this.position = head.position;
    this.prevHash = head.hash;
    for (const [streamId, version] of versions) this.versions.set(streamId, version);
  }

  get head(): { position: number; hash: string } {
    return { position: this.position, hash: this.prevHash };
  }

  next(): StoredEvent {
    const position = this.position + 1;
    const n = position - 1;
    let streamId: string;
    let streamType: string;
    let type: string;
    let data: Record<string, unknown>;
    const code = STATE_CODES[n % STATE_CODES.length];
    if (n < STATE_CODES.length) {
      streamId = memberStateStreamId(code);
      streamType = 'member-state';
      type = 'StateRegistered';
      data = { code, name: `State ${code}`, population: 1_000_000 + n };
    } else if (n % 10 === 0) {
      const userId = randomUUID();
      streamId = userStreamId(userId);
      streamType = 'user';
      type = 'UserRegistered';
      data = {
        userId,
        username: `user.${n}`,
        displayName: `User ${n}`,
        roles: ['coordinator'],
        stateCode: code,
        passwordHash: `scrypt$16384$8$1$${randomUUID().replace(/-/g, '')}$${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '')}`,
      };
    } else {
      streamId = memberStateStreamId(code);
      streamType = 'member-state';
      type = 'PopulationChanged';
      data = { code, population: 1_000_000 + n };
    }
    const version = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, version);
    const commandId = randomUUID();
    const unchained = {
      position,
      eventId: randomUUID(),
      streamId,
      streamType,
      version,
      type,
      schemaVersion: 1,
      data,
      metadata: {
        actor: { id: randomUUID(), kind: 'user' as const, stateCode: code, roles: ['coordinator' as const] },
        commandId,
        correlationId: commandId,
        causationId: commandId,
      },
      recordedAt: new Date(this.base + n).toISOString(),
    };
    const hash = chainHash(this.prevHash, unchained);
    const event: StoredEvent = { ...unchained, prevHash: this.prevHash, hash };
    this.position = position;
    this.prevHash = hash;
    return event;
  }
}

const partitioner = Partitioners.DefaultPartitioner();

/** The partition the relay's publisher would choose for this stream (murmur2 of the key, as kafkajs). */
export function partitionFor(streamId: string, partitions: number): number {
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
  return partitioner({ topic: 'any', partitionMetadata, message: { key: streamId, value: null } });
}

export interface SeedOptions {
  /** Mark the outbox rows as already published (as a live system's history would be). */
  sent: boolean;
  partitions?: number;
  chunk?: number;
  onProgress?: (written: number) => void;
}

/** Writes `count` generated events after the store's current head, with their outbox rows. */
export async function seedEvents(db: Database, count: number, options: SeedOptions): Promise<{ position: number; hash: string }> {
  const [head] = await db.query<{ position: string; hash: string }>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1');
  const versions = head
    ? await db.query<{ stream_id: string; version: number }>(
        `SELECT stream_id, max(version) AS version FROM events WHERE stream_type = 'member-state' GROUP BY stream_id`,
      )
    : [];
  const generator = new EventGenerator(
    head ? { position: Number(head.position), hash: head.hash } : undefined,
    versions.map((row) => [row.stream_id, Number(row.version)] as [string, number]),
  );
  const chunk = options.chunk ?? 5000;
  const partitions = options.partitions ?? 3;
  for (let written = 0; written < count; ) {
    const events: StoredEvent[] = [];
    const size = Math.min(chunk, count - written);
    for (let i = 0; i < size; i++) events.push(generator.next());
    await insertBatch(db, events, options.sent, partitions);
    written += size;
    options.onProgress?.(written);
  }
  return generator.head;
}

async function insertBatch(db: Database, events: StoredEvent[], sent: boolean, partitions: number): Promise<void> {
  const column = <T>(pick: (e: StoredEvent) => T) => events.map(pick);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO events (${EVENT_COLUMNS})
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[],
                            $8::jsonb[], $9::jsonb[], $10::timestamptz[], $11::text[], $12::text[])`,
      [
        column((e) => e.position), column((e) => e.eventId), column((e) => e.streamId), column((e) => e.streamType),
        column((e) => e.version), column((e) => e.type), column((e) => e.schemaVersion),
        column((e) => JSON.stringify(e.data)), column((e) => JSON.stringify(e.metadata)), column((e) => e.recordedAt),
        column((e) => e.prevHash), column((e) => e.hash),
      ],
    );
    await tx.query(
      `INSERT INTO outbox (position, topic, partition, sent_at)
       SELECT p, $2, part, CASE WHEN $4 THEN now() END FROM unnest($1::bigint[], $3::int[]) AS s(p, part)`,
      [column((e) => e.position), TOPICS.events, column((e) => (sent ? partitionFor(e.streamId, partitions) : null)), sent],
    );
  });
}
