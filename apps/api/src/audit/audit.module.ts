import { Module } from '@nestjs/common';
import { Database, ResourceLocator } from '@coalition/infra';
import { ExportAuditEventsController } from './export-audit-events/export-audit-events.http.controller';
import { ListAuditCheckpointsController } from './list-audit-checkpoints/list-audit-checkpoints.http.controller';
import { ListAuditEventsController } from './list-audit-events/list-audit-events.http.controller';
import { ReadAuditStreamController } from './read-audit-stream/read-audit-stream.http.controller';
import { ReadDecisionRecordController } from './read-decision-record/read-decision-record.http.controller';
import { VerifyChainController } from './verify-chain/verify-chain.http.controller';

/** For auditors and admins: the event log with its chain fields, verification, export, checkpoints. */
@Module({
  controllers: [
    ListAuditEventsController,
    ReadAuditStreamController,
    VerifyChainController,
    ExportAuditEventsController,
    ListAuditCheckpointsController,
    ReadDecisionRecordController,
  ],
  providers: [{ provide: ResourceLocator, useFactory: (db: Database) => new ResourceLocator(db), inject: [Database] }],
})
export class AuditModule {}
