import { Command } from '../shared';

export type RegisterWebhook = Command<'RegisterWebhook', { webhookId: string; url: string; eventTypes: string[]; secret: string }>;
export type DeleteWebhook = Command<'DeleteWebhook', { webhookId: string }>;
export type DisableWebhook = Command<'DisableWebhook', { webhookId: string; reason: string }>;
export type EnableWebhook = Command<'EnableWebhook', { webhookId: string }>;
/** `secret` is minted by the caller (the domain draws no randomness); the previous one keeps signing for `gracePeriodSeconds`. */
export type RotateWebhookSecret = Command<'RotateWebhookSecret', { webhookId: string; secret: string; gracePeriodSeconds: number }>;

export type WebhookCommand = RegisterWebhook | DeleteWebhook | DisableWebhook | EnableWebhook | RotateWebhookSecret;

/** The longest grace period a rotation may give the previous secret: a week. */
export const MAX_SECRET_GRACE_SECONDS = 7 * 24 * 3600;

export const webhookStreamId = (webhookId: string): string => `webhook-${webhookId}`;
