import { Injectable } from '@nestjs/common';
import { memberStateStreamId } from '@coalition/domain';
import { EventStore } from '@coalition/event-store';

/** Whether a member state is registered, from the event store itself (the read model may lag). */
@Injectable()
export class RegisteredStates {
  constructor(private readonly store: EventStore) {}

  async has(code: string): Promise<boolean> {
    return (await this.store.lastOfStream(memberStateStreamId(code))) !== undefined;
  }
}
