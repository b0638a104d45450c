import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { InvalidError } from '@coalition/domain';

/** Loopback, private, link-local and other non-public ranges a webhook must not reach unless the deployment allows it. */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32],
] as const) NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return NON_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return true;
  // BlockList also checks an IPv4-mapped IPv6 address (::ffff:10.0.0.1) against the IPv4 ranges.
  return NON_PUBLIC.check(address, 'ipv6');
}

export class WebhookAddressNotAllowed extends InvalidError {
  readonly code = 'WEBHOOK_ADDRESS_NOT_ALLOWED';
}

export class WebhookHostUnresolved extends InvalidError {
  readonly code = 'WEBHOOK_HOST_UNRESOLVED';
}

export type Resolver = (hostname: string) => Promise<string[]>;

const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** The URL's host without IPv6 brackets. */
const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Refuses a webhook URL whose host is, or resolves to, a non-public address, unless
 * `allowPrivate` (WEBHOOK_ALLOW_PRIVATE). Every address the name resolves to must be public,
 * so a name cannot smuggle in an internal one beside a public one.
 */
export async function checkWebhookAddress(url: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<void> {
  if (allowPrivate) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return; // not a URL at all: the webhook's own rules refuse it
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return;
  const host = hostOf(parsed);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new WebhookHostUnresolved(`The webhook host ${host} does not resolve`);
    }
    if (addresses.length === 0) throw new WebhookHostUnresolved(`The webhook host ${host} does not resolve`);
  }
  const refused = addresses.find(isNonPublicAddress);
  if (refused) {
    throw new WebhookAddressNotAllowed(
      `The webhook host ${host} is a private or loopback address (${refused}); this deployment does not allow those (WEBHOOK_ALLOW_PRIVATE)`,
    );
  }
}
