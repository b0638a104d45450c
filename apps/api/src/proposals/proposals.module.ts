import { Module } from '@nestjs/common';
import { Database } from '@coalition/platform';
import { ProposalsRepository } from '@coalition/read-side';
import { CompactsModule } from '../compacts/compacts.module';
import { CastVoteHandler } from './cast-vote/cast-vote.handler';
import { CastVoteController } from './cast-vote/cast-vote.http.controller';
import { CloseProposalHandler } from './close-proposal/close-proposal.handler';
import { CloseProposalController } from './close-proposal/close-proposal.http.controller';
import { GetProposalController } from './get-proposal/get-proposal.http.controller';
import { ListCompactProposalsController } from './list-compact-proposals/list-compact-proposals.http.controller';
import { OpenProposalHandler } from './open-proposal/open-proposal.handler';
import { OpenProposalController } from './open-proposal/open-proposal.http.controller';

@Module({
  imports: [CompactsModule],
  controllers: [OpenProposalController, CastVoteController, CloseProposalController, GetProposalController, ListCompactProposalsController],
  providers: [
    { provide: ProposalsRepository, useFactory: (db: Database) => new ProposalsRepository(db), inject: [Database] },
    OpenProposalHandler,
    CastVoteHandler,
    CloseProposalHandler,
  ],
})
export class ProposalsModule {}
