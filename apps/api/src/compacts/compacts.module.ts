import { Module } from '@nestjs/common';
import { Database } from '@coalition/platform';
import { EventStore } from '@coalition/event-store';
import { CompactFacts, CompactsRepository } from '@coalition/read-side';
import { DraftCompactHandler } from './draft-compact/draft-compact.handler';
import { DraftCompactController } from './draft-compact/draft-compact.http.controller';
import { GetCompactController } from './get-compact/get-compact.http.controller';
import { JoinCompactHandler } from './join-compact/join-compact.handler';
import { JoinCompactController } from './join-compact/join-compact.http.controller';
import { ListCompactsController } from './list-compacts/list-compacts.http.controller';
import { RatifyCompactHandler } from './ratify-compact/ratify-compact.handler';
import { RatifyCompactController } from './ratify-compact/ratify-compact.http.controller';
import { WithdrawFromCompactHandler } from './withdraw-from-compact/withdraw-from-compact.handler';
import { WithdrawFromCompactController } from './withdraw-from-compact/withdraw-from-compact.http.controller';

@Module({
  controllers: [DraftCompactController, ListCompactsController, GetCompactController, RatifyCompactController, WithdrawFromCompactController, JoinCompactController],
  providers: [
    { provide: CompactsRepository, useFactory: (db: Database) => new CompactsRepository(db), inject: [Database] },
    { provide: CompactFacts, useFactory: (store: EventStore) => new CompactFacts(store), inject: [EventStore] },
    DraftCompactHandler,
    RatifyCompactHandler,
    WithdrawFromCompactHandler,
    JoinCompactHandler,
  ],
  exports: [CompactFacts, CompactsRepository],
})
export class CompactsModule {}
