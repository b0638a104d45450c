import { Injectable, OnModuleInit } from '@nestjs/common';
import { legalActionDecider, legalActionStreamId, SYSTEM_ACTOR } from '@coalition/domain';
import { CommandExecutor, Deadline } from '@coalition/event-store';
import { LEGAL_SIGN_ON_DEADLINE } from '@coalition/read-side';
import { DeadlineScheduler } from './deadline-scheduler';

/**
 * At the sign-on deadline the system records the signatories as they stood then (`SignOnClosed`),
 * so the list is part of the audit log and its feed. Idempotent: the aggregate records it once.
 */
export async function closeSignOn(executor: CommandExecutor, deadline: Deadline): Promise<void> {
  const legalActionId = String(deadline.payload.legalActionId);
  await executor.execute(legalActionDecider, {
    streamId: legalActionStreamId(legalActionId),
    command: { type: 'CloseSignOn', data: { legalActionId } },
    actor: SYSTEM_ACTOR,
    correlationId: deadline.id,
  });
}

/** Registers the handler with the worker's scheduler (worker process and embedded default alike). */
@Injectable()
export class LegalSignOnDeadline implements OnModuleInit {
  constructor(
    private readonly scheduler: DeadlineScheduler,
    private readonly executor: CommandExecutor,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(LEGAL_SIGN_ON_DEADLINE, (deadline) => closeSignOn(this.executor, deadline));
  }
}
