import { Queryable } from '@coalition/platform';
import { EventMetadata, StoredEvent } from './stored-event';

/** What callers hand the event store and what it hands back. */
export interface NewEvent {
  type: string;
  data: unknown;
  schemaVersion?: number;
}

export interface AppendRequest {
  streamId: string;
  streamType: string;
  /** The version the caller's decision was based on; 0 for a new stream; 'any' to skip the check. */
  expectedVersion: number | 'any';
  events: readonly NewEvent[];
  metadata: EventMetadata;
  recordedAt: Date;
}

export interface AppendResult {
  streamId: string;
  version: number;
  /** Global position of the last event written, or of the stream's last event when nothing was new. */
  position: number;
  events: StoredEvent[];
}

/** Work that must commit or roll back with the append (idempotency records, for example). */
export type WithinAppend = (tx: Queryable, result: AppendResult) => Promise<void>;

/** The same for an atomic append over several streams: it sees every stream's result, in order. */
export type WithinAppendAll = (tx: Queryable, results: AppendResult[]) => Promise<void>;

export interface EventFilter {
  streamId?: string;
  type?: string;
  stateCode?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}
