import { Global, Module } from '@nestjs/common';
import { Database } from '@coalition/platform';
import { CheckpointWaiter } from './projections/checkpoint-waiter';
import { ALL_PROJECTIONS, MemberStatesRepository, UsersRepository } from './read-models';

/** What both apps read: the checkpoint waiter (read-your-writes) and the repositories every request needs. Needs EventStoreModule. */
@Global()
@Module({
  providers: [
    { provide: CheckpointWaiter, useFactory: (db: Database) => new CheckpointWaiter(db, ALL_PROJECTIONS), inject: [Database] },
    { provide: MemberStatesRepository, useFactory: (db: Database) => new MemberStatesRepository(db), inject: [Database] },
    { provide: UsersRepository, useFactory: (db: Database) => new UsersRepository(db), inject: [Database] },
  ],
  exports: [CheckpointWaiter, MemberStatesRepository, UsersRepository],
})
export class ReadSideModule {}
