import { Command } from '../shared';

export type RegisterWebhook = Command<'RegisterWebhook', { webhookId: string; url: string; eventTypes: string[]; secret: string }>;
export type DeleteWebhook = Command<'DeleteWebhook', { webhookId: string }>;
export type DisableWebhook = Command<'DisableWebhook', { webhookId: string; reason: string }>;
export type EnableWebhook = Command<'EnableWebhook', { webhookId: string }>;

export type WebhookCommand = RegisterWebhook | DeleteWebhook | DisableWebhook | EnableWebhook;

export const webhookStreamId = (webhookId: string): string => `webhook-${webhookId}`;
