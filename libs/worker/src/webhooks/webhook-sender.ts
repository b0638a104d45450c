import { createHmac } from 'node:crypto';
import { LookupFunction, isIP } from 'node:net';
import { lookup as dnsLookup, LookupAllOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isNonPublicAddress } from '@coalition/platform';

export const SIGNATURE_HEADER = 'X-Coalition-Signature';

/** `sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>` */
export const signWebhookBody = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

const STANDARD_SECRET_PREFIX = 'whsec_';

/**
 * The HMAC key Standard Webhooks signs with: a `whsec_` secret is the base64 of its bytes (the
 * specification's form, which its libraries decode); any other secret is its UTF-8 bytes, which
 * those libraries take with their `raw` format.
 */
export const standardWebhooksKey = (secret: string): Buffer =>
  secret.startsWith(STANDARD_SECRET_PREFIX) ? Buffer.from(secret.slice(STANDARD_SECRET_PREFIX.length), 'base64') : Buffer.from(secret, 'utf8');

/**
 * `webhook-signature` (Standard Webhooks 1.0, symmetric): `v1,<base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>">` for each secret, space-separated, so a receiver
 * holding either the new or the previous secret during a rotation verifies the delivery.
 */
export const standardWebhooksSignature = (secrets: readonly string[], messageId: string, timestamp: number, body: string): string =>
  secrets
    .map((secret) => `v1,${createHmac('sha256', standardWebhooksKey(secret)).update(`${messageId}.${timestamp}.${body}`, 'utf8').digest('base64')}`)
    .join(' ');

/** Stable per event and webhook, so a receiver deduplicates retries; holds no `.`, which the signed content uses as delimiter. */
export const webhookMessageId = (eventId: string, webhookId: string): string => `msg_${eventId}_${webhookId}`.replace(/\./g, '_');

export interface WebhookRequest {
  url: string;
  body: string;
  /** The signing secrets, the current one first, then the previous one while its grace period lasts. */
  secrets: readonly string[];
  /** `webhook-id`. */
  messageId: string;
  /** `webhook-timestamp`, seconds since the epoch (default: now, at each attempt). */
  timestamp?: number;
  headers?: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}

export interface WebhookResponse {
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Resolves like the system does, then refuses non-public answers, so a name that resolved to a
 * public address at registration cannot be pointed at an internal one later (DNS rebinding).
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  const all: LookupAllOptions = { ...options, all: true };
  dnsLookup(hostname, all, (error, list) => {
    if (error) return callback(error, '', 0);
    const refused = list.find((a) => isNonPublicAddress(a.address));
    if (refused) return callback(Object.assign(new Error(`${hostname} resolves to the non-public address ${refused.address}`), { code: 'EADDRNOTALLOWED' }), '', 0);
    if (options.all) return callback(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

/**
 * One signed POST of a CloudEvent. Any 2xx is success; anything else, a redirect included,
 * a network error or no complete answer within `timeoutMs` is a failure to retry.
 */
export function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const started = Date.now();
  const done = (ok: boolean, status: number | null, error: string | null): WebhookResponse => ({ ok, status, error, durationMs: Date.now() - started });
  const url = new URL(request.url);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!request.allowPrivate && isIP(host) && isNonPublicAddress(host)) {
    return Promise.resolve(done(false, null, `${host} is a non-public address`));
  }
  const client = url.protocol === 'https:' ? https : http;
  const body = Buffer.from(request.body, 'utf8');
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  return new Promise<WebhookResponse>((resolve) => {
    let settled = false;
    const finish = (result: WebhookResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: request.allowPrivate ? undefined : guardedLookup,
        headers: {
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'content-length': String(body.length),
          'user-agent': 'Coalition-Webhooks/1',
          ...request.headers,
          // The older scheme signs with one secret: during a rotation's grace period the previous
          // one, which receivers of this header still hold, and the new one afterwards.
          [SIGNATURE_HEADER]: signWebhookBody(request.secrets[request.secrets.length - 1], request.body),
          'webhook-id': request.messageId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': standardWebhooksSignature(request.secrets, request.messageId, timestamp, request.body),
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        // Drain the answer (we do not keep it) so the socket closes cleanly.
        res.resume();
        res.on('end', () => finish(done(status >= 200 && status < 300, status, status >= 200 && status < 300 ? null : `HTTP ${status}`)));
        res.on('error', (error) => finish(done(false, status, error.message)));
      },
    );
    const timer = setTimeout(() => {
      finish(done(false, null, `no answer within ${request.timeoutMs} ms`));
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish(done(false, null, error.code ? `${error.code}: ${error.message}` : error.message)));
    req.end(body);
  });
}
