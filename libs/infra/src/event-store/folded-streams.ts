import { Command, Decider, DomainEvent } from '@coalition/domain';
import { Database } from '../database/database';

export type Folder<E extends DomainEvent, S> = Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>;

export interface FoldedStream<S> {
  state: S;
  /** The stream version the state was folded to (0 for a stream with no events). */
  version: number;
}

interface Entry {
  folder: Folder<DomainEvent, unknown>;
  state: unknown;
  version: number;
  /** The event at `version`, checked on every load, so a stream that was reset is refolded. */
  eventId: string | null;
}

/**
 * Streams folded by recent commands, kept with the version they were folded to. A load reads
 * only the events after that version, so a command on a long stream (a busy resource pool, a
 * compact with many members) no longer reads and refolds its whole history: without it the
 * pledge benchmark slowed from round to round as the pool streams grew.
 *
 * Never stale, only shorter: every load still asks the database for what came after, in the
 * same one round trip as before. States are safe to share because `evolve` never mutates
 * (domain states are immutable values). Bounded: the least recently used streams are dropped.
 */
export class FoldedStreams {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Database,
    private readonly capacity = 5_000,
  ) {}

  async load<E extends DomainEvent, S>(folder: Folder<E, S>, streamId: string): Promise<FoldedStream<S>> {
    const cached = this.entries.get(streamId);
    const from = cached && cached.folder === folder ? cached : undefined;
    // The row at the cached version comes back too: if it is not the one folded before (the
    // stream was rebuilt in a test database, say), the whole stream is read again.
    const rows = await this.db.query<{ type: string; data: unknown; version: number; event_id: string }>(
      'SELECT type, data, version, event_id FROM events WHERE stream_id = $1 AND version >= $2 ORDER BY version',
      [streamId, from?.version ?? 0],
    );
    let state: S;
    let version: number;
    let tail = rows;
    if (from && from.version > 0 && rows[0]?.event_id === from.eventId && Number(rows[0].version) === from.version) {
      state = from.state as S;
      version = from.version;
      tail = rows.slice(1);
    } else if (from && from.version > 0) {
      this.entries.delete(streamId);
      return this.load(folder, streamId);
    } else {
      state = folder.initialState();
      version = 0;
    }
    for (const row of tail) {
      state = folder.evolve(state, { type: row.type, data: row.data } as E);
      version = Number(row.version);
    }
    this.remember(streamId, {
      folder: folder as Folder<DomainEvent, unknown>,
      state,
      version,
      eventId: tail.length > 0 ? tail[tail.length - 1].event_id : (from?.eventId ?? null),
    });
    return { state, version };
  }

  private remember(streamId: string, entry: Entry): void {
    this.entries.delete(streamId); // re-inserted last: a Map iterates in insertion order
    if (entry.version === 0) return;
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
