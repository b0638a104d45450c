import { Injectable, OnModuleInit } from '@nestjs/common';
import { legalActionDecider, legalActionStreamId, SYSTEM_ACTOR } from '@coalition/domain';
import { Queryable } from '../database/database';
import { CommandExecutor } from '../event-store/command-executor';
import { Deadline, DeadlineScheduler, scheduleDeadline } from './deadline-scheduler';

export const LEGAL_SIGN_ON_DEADLINE = 'legal-action-sign-on';

/** Called by the legal-actions projection when an action opens; scheduling twice is harmless. */
export const scheduleSignOnDeadline = (tx: Queryable, legalActionId: string, signOnDeadline: string): Promise<void> =>
  scheduleDeadline(tx, {
    id: `${LEGAL_SIGN_ON_DEADLINE}:${legalActionId}`,
    kind: LEGAL_SIGN_ON_DEADLINE,
    dueAt: new Date(signOnDeadline),
    payload: { legalActionId },
  });

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
