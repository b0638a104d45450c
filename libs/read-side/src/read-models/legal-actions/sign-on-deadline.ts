import { Queryable } from '@coalition/platform';
import { scheduleDeadline } from '@coalition/event-store';

export const LEGAL_SIGN_ON_DEADLINE = 'legal-action-sign-on';

/** Called by the legal-actions projection when an action opens; scheduling twice is harmless. */
export const scheduleSignOnDeadline = (tx: Queryable, legalActionId: string, signOnDeadline: string): Promise<void> =>
  scheduleDeadline(tx, {
    id: `${LEGAL_SIGN_ON_DEADLINE}:${legalActionId}`,
    kind: LEGAL_SIGN_ON_DEADLINE,
    dueAt: new Date(signOnDeadline),
    payload: { legalActionId },
  });
