import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppConfig, OpsModule, PlatformModule } from '@coalition/platform';
import { EventStoreModule } from '@coalition/event-store';
import { ReadSideModule } from '@coalition/read-side';
import { embeddedWorker } from './bootstrap/embedded-worker';
import { loggingModule } from './bootstrap/logging';
import { AccessGuard } from './common/auth/access.guard';
import { IdempotencyInterceptor } from './common/commands/idempotency.interceptor';
import { ProblemDetailsFilter } from './common/http/problem-details.filter';
import { ReadYourWritesInterceptor } from './common/http/read-your-writes.interceptor';
import { CommonModule } from './common/common.module';
import { IdentityModule } from './identity/identity.module';
import { MemberStatesModule } from './member-states/member-states.module';
import { LegalActionsModule } from './legal-actions/legal-actions.module';
import { CompactsModule } from './compacts/compacts.module';
import { ProposalsModule } from './proposals/proposals.module';
import { ResourcesModule } from './resources/resources.module';
import { AuditModule } from './audit/audit.module';
import { IntegrationModule } from './integration/integration.module';
import { BenchModule } from './bench/bench.module';

@Module({})
export class AppModule {
  /** The api; with `embedded`, the worker runtime too, in the same process over the in-process bus. */
  static forRoot(config: AppConfig, jwtSecret: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(config),
        PlatformModule.forRoot(config, config.embedded ? 'embedded' : 'api'),
        EventStoreModule,
        ReadSideModule,
        CqrsModule.forRoot(),
        CommonModule,
        OpsModule,
        IdentityModule.forRoot(jwtSecret),
        MemberStatesModule,
        LegalActionsModule,
        CompactsModule,
        ProposalsModule,
        ResourcesModule,
        AuditModule,
        IntegrationModule,
        ...embeddedWorker(config),
        ...(config.benchRoutes ? [BenchModule] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        // After AccessGuard, so that the rate is counted per authenticated principal.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}

