import { Module } from '@nestjs/common';
import { Database } from '@coalition/platform';
import { ResourceLocator, ResourceSharingRepository } from '@coalition/read-side';
import { CompactsModule } from '../compacts/compacts.module';
import { AcceptOfferHandler } from './accept-offer/accept-offer.handler';
import { AcceptOfferController } from './accept-offer/accept-offer.http.controller';
import { ApproveReimbursementHandler } from './approve-reimbursement/approve-reimbursement.handler';
import { ApproveReimbursementController } from './approve-reimbursement/approve-reimbursement.http.controller';
import { CancelRequestHandler } from './cancel-request/cancel-request.handler';
import { CancelRequestController } from './cancel-request/cancel-request.http.controller';
import { ClaimReimbursementHandler } from './claim-reimbursement/claim-reimbursement.handler';
import { ClaimReimbursementController } from './claim-reimbursement/claim-reimbursement.http.controller';
import { ConfirmReceiptHandler } from './confirm-receipt/confirm-receipt.handler';
import { ConfirmReceiptController } from './confirm-receipt/confirm-receipt.http.controller';
import { DeclineOfferHandler } from './decline-offer/decline-offer.handler';
import { DeclineOfferController } from './decline-offer/decline-offer.http.controller';
import { GetCompactResourcesController } from './get-compact-resources/get-compact-resources.http.controller';
import { GetOfferController } from './get-offer/get-offer.http.controller';
import { GetPledgeController } from './get-pledge/get-pledge.http.controller';
import { GetRequestController } from './get-request/get-request.http.controller';
import { ListCompactPledgesController } from './list-compact-pledges/list-compact-pledges.http.controller';
import { ListCompactRequestsController } from './list-compact-requests/list-compact-requests.http.controller';
import { MakeOfferHandler } from './make-offer/make-offer.handler';
import { MakeOfferController } from './make-offer/make-offer.http.controller';
import { MakePledgeHandler } from './make-pledge/make-pledge.handler';
import { MakePledgeController } from './make-pledge/make-pledge.http.controller';
import { MakeRequestHandler } from './make-request/make-request.handler';
import { MakeRequestController } from './make-request/make-request.http.controller';
import { PayReimbursementHandler } from './pay-reimbursement/pay-reimbursement.handler';
import { PayReimbursementController } from './pay-reimbursement/pay-reimbursement.http.controller';
import { PoolEntityCommands } from './pool-entity-commands';
import { ResourceReadAccess } from './resource-read-access';
import { ResourceSharingFacts } from './resource-sharing.facts';
import { WithdrawOfferHandler } from './withdraw-offer/withdraw-offer.handler';
import { WithdrawOfferController } from './withdraw-offer/withdraw-offer.http.controller';
import { WithdrawPledgeHandler } from './withdraw-pledge/withdraw-pledge.handler';
import { WithdrawPledgeController } from './withdraw-pledge/withdraw-pledge.http.controller';

/** Resource sharing: pledges, requests, offers and their agreements, receipts and reimbursements. */
@Module({
  imports: [CompactsModule],
  controllers: [
    MakePledgeController,
    MakeRequestController,
    MakeOfferController,
    AcceptOfferController,
    DeclineOfferController,
    WithdrawOfferController,
    ConfirmReceiptController,
    ClaimReimbursementController,
    ApproveReimbursementController,
    PayReimbursementController,
    WithdrawPledgeController,
    CancelRequestController,
    GetPledgeController,
    GetRequestController,
    GetOfferController,
    GetCompactResourcesController,
    ListCompactPledgesController,
    ListCompactRequestsController,
  ],
  providers: [
    { provide: ResourceLocator, useFactory: (db: Database) => new ResourceLocator(db), inject: [Database] },
    { provide: ResourceSharingRepository, useFactory: (db: Database) => new ResourceSharingRepository(db), inject: [Database] },
    ResourceSharingFacts,
    PoolEntityCommands,
    ResourceReadAccess,
    MakePledgeHandler,
    MakeRequestHandler,
    MakeOfferHandler,
    AcceptOfferHandler,
    DeclineOfferHandler,
    WithdrawOfferHandler,
    ConfirmReceiptHandler,
    ClaimReimbursementHandler,
    ApproveReimbursementHandler,
    PayReimbursementHandler,
    WithdrawPledgeHandler,
    CancelRequestHandler,
  ],
})
export class ResourcesModule {}
