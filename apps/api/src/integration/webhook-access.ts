import { WebhooksRepository, WebhookView } from '@coalition/read-side';
import { Principal } from '../common/auth/principal';
import { problem, ProblemException } from '../common/http/problem';

/** The webhook if `principal` may see it (its owner, or an admin): 404 when it does not exist, 403 for anyone else. */
export async function webhookVisibleTo(webhooks: WebhooksRepository, id: string, principal: Principal): Promise<WebhookView> {
  const webhook = await webhooks.get(id);
  if (!webhook) throw new ProblemException(problem(404, 'NOT_FOUND', `Webhook ${id} does not exist`));
  if (!principal.roles.includes('admin') && webhook.ownerId !== principal.id) {
    throw new ProblemException(problem(403, 'FORBIDDEN', 'Only the webhook owner or an admin may read it'));
  }
  return webhook;
}
