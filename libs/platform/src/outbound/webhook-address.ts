import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { InvalidError } from '@coalition/domain';

/** The IPv4 address in the low 32 bits of an IPv6 address, or in bits 16-47 (6to4). */
const ipv4Of = (high: number, low: number): ipaddr.IPv4 => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/**
 * The IPv4 address an IPv6 address stands for, where its form embeds one a packet may end up at:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d),
 * 6to4 (2002:aabb:ccdd::/48) and NAT64's well-known prefix (64:ff9b::a.b.c.d).
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const parts = address.parts;
  const zerosUpTo = (n: number) => parts.slice(0, n).every((part) => part === 0);
  if (zerosUpTo(5) && (parts[5] === 0xffff || parts[5] === 0)) return ipv4Of(parts[6], parts[7]); // mapped, compatible
  if (zerosUpTo(4) && parts[4] === 0xffff && parts[5] === 0) return ipv4Of(parts[6], parts[7]); // translated
  if (parts[0] === 0x2002) return ipv4Of(parts[1], parts[2]); // 6to4
  if (parts[0] === 0x64 && parts[1] === 0xff9b && parts.slice(2, 6).every((part) => part === 0)) return ipv4Of(parts[6], parts[7]); // NAT64
  return undefined;
}

/**
 * Whether an IP address is loopback, private, link-local or otherwise not on the public
 * internet, classified by ipaddr.js (the library Express itself uses for `trust proxy`) rather
 * than by hand-kept ranges: an IPv4 address must be plain `unicast`; an IPv6 address that embeds
 * an IPv4 one is judged by that IPv4 address; any other IPv6 address must be plain `unicast`, so
 * site-local (fec0::/10), Teredo (2001::/32), local-use NAT64 (64:ff9b:1::/48), documentation
 * and every other special range are refused. Anything that is not an IP address is refused too.
 */
export function isNonPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  const v4 = embeddedIPv4(v6);
  if (v4) return v4.range() !== 'unicast';
  return v6.range() !== 'unicast';
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
