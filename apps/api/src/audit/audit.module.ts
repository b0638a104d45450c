import { Module } from '@nestjs/common';
import { Database } from '@coalition/platform';
import { ResourceLocator } from '@coalition/read-side';
import { ExportAuditEventsController } from './export-audit-events/export-audit-events.http.controller';
import { ListAuditCheckpointsController } from './list-audit-checkpoints/list-audit-checkpoints.http.controller';
import { ListAuditEventsController } from './list-audit-events/list-audit-events.http.controller';
import { ReadAuditStreamController } from './read-audit-stream/read-audit-stream.http.controller';
import { ReadDecisionRecordController } from './read-decision-record/read-decision-record.http.controller';
import { VerifyChainController } from './verify-chain/verify-chain.http.controller';
import { ReadCheckpointController } from './read-checkpoint/read-checkpoint.http.controller';
import { ReadLogKeyController } from './read-log-key/read-log-key.http.controller';
import { ReadWitnessesController } from './read-witnesses/read-witnesses.http.controller';
import { ProveInclusionController } from './prove-inclusion/prove-inclusion.http.controller';
import { ProveConsistencyController } from './prove-consistency/prove-consistency.http.controller';

/** For auditors and admins: the event log with its chain fields, verification, export, checkpoints; for every principal, the transparency log's checkpoint and the proofs of what it may read. */
@Module({
  controllers: [
    ListAuditEventsController,
    ReadAuditStreamController,
    VerifyChainController,
    ExportAuditEventsController,
    ListAuditCheckpointsController,
    ReadDecisionRecordController,
    ReadCheckpointController,
    ReadLogKeyController,
    ReadWitnessesController,
    ProveInclusionController,
    ProveConsistencyController,
  ],
  providers: [{ provide: ResourceLocator, useFactory: (db: Database) => new ResourceLocator(db), inject: [Database] }],
})
export class AuditModule {}
