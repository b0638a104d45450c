import { Module } from '@nestjs/common';
import { Database } from '@coalition/platform';
import { LegalActionsRepository } from '@coalition/read-side';
import { CloseLegalActionHandler } from './close-legal-action/close-legal-action.handler';
import { CloseLegalActionController } from './close-legal-action/close-legal-action.http.controller';
import { FileLegalActionHandler } from './file-legal-action/file-legal-action.handler';
import { FileLegalActionController } from './file-legal-action/file-legal-action.http.controller';
import { GetLegalActionController } from './get-legal-action/get-legal-action.http.controller';
import { ListLegalActionsController } from './list-legal-actions/list-legal-actions.http.controller';
import { OpenLegalActionHandler } from './open-legal-action/open-legal-action.handler';
import { OpenLegalActionController } from './open-legal-action/open-legal-action.http.controller';
import { RecordDevelopmentHandler } from './record-development/record-development.handler';
import { RecordDevelopmentController } from './record-development/record-development.http.controller';
import { SignLegalActionHandler } from './sign-legal-action/sign-legal-action.handler';
import { SignLegalActionController } from './sign-legal-action/sign-legal-action.http.controller';
import { WithdrawSignatureHandler } from './withdraw-signature/withdraw-signature.handler';
import { WithdrawSignatureController } from './withdraw-signature/withdraw-signature.http.controller';
import { LegalActionCommands } from './legal-action-commands';

/** Joint legal responses: privileged reads, counsel-only writes. */
@Module({
  controllers: [
    OpenLegalActionController,
    SignLegalActionController,
    WithdrawSignatureController,
    FileLegalActionController,
    RecordDevelopmentController,
    CloseLegalActionController,
    ListLegalActionsController,
    GetLegalActionController,
  ],
  providers: [
    { provide: LegalActionsRepository, useFactory: (db: Database) => new LegalActionsRepository(db), inject: [Database] },
    LegalActionCommands,
    OpenLegalActionHandler,
    SignLegalActionHandler,
    WithdrawSignatureHandler,
    FileLegalActionHandler,
    RecordDevelopmentHandler,
    CloseLegalActionHandler,
  ],
})
export class LegalActionsModule {}
