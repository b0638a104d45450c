import { Command, Decider, DomainEvent } from '@coalition/domain';
import { Database } from '@coalition/platform';

export type Folder<E extends DomainEvent, S> = Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>;

export interface FoldedStream<S> {
  state: S;
  /** The stream version the state was folded to (0 for a stream with no events). */
  version: number;
}

interface Row {
  stream_id: string;
  type: string;
  data: unknown;
  version: number;
  event_id: string;
}

interface Wanted {
  streamId: string;
  fromVersion: number;
  resolve(rows: Row[]): void;
  reject(error: unknown): void;
}

/** At most this many streams are read in one statement. */
const MAX_READ_BATCH = 100;

interface Entry {
  folder: Folder<DomainEvent, unknown>;
  state: unknown;
  version: number;
  /** The event at `version`, checked on every load, so a stream that was reset is refolded. */
  eventId: string;
}

/**
 * Streams folded by recent commands, kept with the version they were folded to. A load reads
 * only the events after that version, so a command on a long stream (a busy resource pool, a
 * compact with many members) no longer reads and refolds its whole history: without it the
 * pledge benchmark slowed from round to round as the pool streams grew.
 *
 * Never stale, only shorter: every load still asks the database for what came after. Loads
 * asked for in the same turn of the event loop (concurrent requests authenticating their users,
 * folding compacts and pools) share one statement, as appends share one transaction. States are
 * safe to share because `evolve` never mutates (domain states are immutable values). Bounded:
 * the least recently used streams are dropped.
 */
export class FoldedStreams {
  private readonly entries = new Map<string, Entry>();
  private readonly wanted: Wanted[] = [];

  constructor(
    private readonly db: Database,
    private readonly capacity = 5_000,
  ) {}

  async load<E extends DomainEvent, S>(folder: Folder<E, S>, streamId: string): Promise<FoldedStream<S>> {
    const cached = this.entries.get(streamId);
    const from = cached && cached.folder === folder ? cached : undefined;
    // The row at the cached version comes back too: if it is not the one folded before (the
    // stream was rebuilt in a test database, say), the whole stream is read again.
    const rows = await this.read(streamId, from?.version ?? 0);
    let state: S;
    let version: number;
    let tail = rows;
    if (from && rows[0]?.event_id === from.eventId && Number(rows[0].version) === from.version) {
      state = from.state as S;
      version = from.version;
      tail = rows.slice(1);
    } else if (from) {
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
    // An empty stream (no event to check against later) is not kept.
    const eventId = tail.length > 0 ? tail[tail.length - 1].event_id : from?.eventId;
    if (eventId !== undefined) this.remember(streamId, { folder: folder as Folder<DomainEvent, unknown>, state, version, eventId });
    return { state, version };
  }

  private read(streamId: string, fromVersion: number): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.wanted.push({ streamId, fromVersion, resolve, reject });
      if (this.wanted.length === 1) setImmediate(() => this.readWanted());
    });
  }

  private async readWanted(): Promise<void> {
    const batch = this.wanted.splice(0, MAX_READ_BATCH);
    if (this.wanted.length > 0) setImmediate(() => this.readWanted());
    try {
      const from = new Map<string, number>();
      for (const w of batch) from.set(w.streamId, Math.min(w.fromVersion, from.get(w.streamId) ?? w.fromVersion));
      const rows =
        from.size === 1
          ? await this.db.query<Row>(
              'SELECT stream_id, type, data, version, event_id FROM events WHERE stream_id = $1 AND version >= $2 ORDER BY version',
              [batch[0].streamId, from.get(batch[0].streamId)],
            )
          : await this.db.query<Row>(
              `SELECT e.stream_id, e.type, e.data, e.version, e.event_id
                 FROM unnest($1::text[], $2::int[]) AS w(stream_id, from_version)
                 JOIN events e ON e.stream_id = w.stream_id AND e.version >= w.from_version
                ORDER BY e.stream_id, e.version`,
              [[...from.keys()], [...from.values()]],
            );
      const byStream = new Map<string, Row[]>();
      for (const row of rows) {
        const list = byStream.get(row.stream_id);
        if (list) list.push(row);
        else byStream.set(row.stream_id, [row]);
      }
      for (const w of batch) w.resolve((byStream.get(w.streamId) ?? []).filter((row) => Number(row.version) >= w.fromVersion));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }

  private remember(streamId: string, entry: Entry): void {
    this.entries.delete(streamId); // re-inserted last: a Map iterates in insertion order
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
