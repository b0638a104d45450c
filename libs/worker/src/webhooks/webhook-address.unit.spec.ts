import { signWebhookBody } from './webhook-sender';
import { checkWebhookAddress, isNonPublicAddress, WebhookAddressNotAllowed, WebhookHostUnresolved } from '@coalition/platform';
import { createHmac } from 'node:crypto';
import { Socket } from 'node:net';

describe('webhook addresses', () => {
  // Classifying an address must never reach it: these tests name private and public hosts, and
  // nothing here may open a connection to any of them.
  let connect: jest.SpyInstance;
  beforeEach(() => (connect = jest.spyOn(Socket.prototype, 'connect')));
  afterEach(() => {
    expect(connect).not.toHaveBeenCalled();
    connect.mockRestore();
  });

  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1',
    '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', 'not-an-ip',
  ])('treats %s as non-public', (address) => expect(isNonPublicAddress(address)).toBe(true));

  // Every IPv6 form that embeds a non-public IPv4 address, and the IPv6 ranges that are not public themselves.
  it.each([
    '::127.0.0.1', '::7f00:1', '::10.0.0.1', // IPv4-compatible
    '::ffff:7f00:1', '::ffff:0:7f00:1', '::ffff:0:a00:1', '::ffff:0:127.0.0.1', // IPv4-mapped, IPv4-translated
    '2002:7f00:1::1', '2002:a00:1::', '2002:c0a8:101::1', '2002:a9fe:a9fe::1', // 6to4 of loopback, private, link-local
    '64:ff9b::7f00:1', '64:ff9b::10.0.0.1', '64:ff9b::a9fe:a9fe', // NAT64 well-known prefix
    '64:ff9b:1::1', '64:ff9b:1::808:808', // NAT64 local-use prefix
    '2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    'fec0::1', 'feff::1', // site-local
    '2001:db8::1', '100::1', 'ff02::1', 'fe80::1%eth0', '192.0.2.1', '198.18.0.1', '255.255.255.255', '224.0.0.1',
  ])('treats %s, a non-public IPv6 form or special range, as non-public', (address) => expect(isNonPublicAddress(address)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111', '::ffff:8.8.4.4', '2002:808:808::1', '64:ff9b::808:808'])('treats %s as public', (address) =>
    expect(isNonPublicAddress(address)).toBe(false));

  const resolver = (table: Record<string, string[]>) => async (host: string) => {
    if (!table[host]) throw new Error('ENOTFOUND');
    return table[host];
  };

  it('refuses loopback and private hosts, literal or by name, unless allowed', async () => {
    const dns = resolver({ 'hooks.internal': ['10.0.0.7'], 'mixed.example': ['93.184.216.34', '192.168.0.9'], 'public.example': ['93.184.216.34'] });
    for (const url of [
      'http://127.0.0.1:8080/x', 'https://[::1]/x', 'http://[::ffff:10.0.0.1]/x', 'http://hooks.internal/x', 'http://mixed.example/x',
      'http://[::127.0.0.1]/x', 'http://[::ffff:0:7f00:1]/x', 'http://[2002:7f00:1::1]/x', 'http://[64:ff9b::7f00:1]/x',
      'http://[64:ff9b:1::1]/x', 'http://[fec0::1]/x', 'http://[2001::1]/x', 'http://2130706433/x', 'http://0x7f.1/x',
    ]) {
      await expect(checkWebhookAddress(url, false, dns)).rejects.toBeInstanceOf(WebhookAddressNotAllowed);
      await expect(checkWebhookAddress(url, true, dns)).resolves.toBeUndefined();
    }
    await expect(checkWebhookAddress('https://public.example/hook', false, dns)).resolves.toBeUndefined();
    await expect(checkWebhookAddress('https://8.8.8.8/hook', false, dns)).resolves.toBeUndefined();
  });

  it('answers a stable code for each refusal', async () => {
    const refused = await checkWebhookAddress('http://10.0.0.1/x', false).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'WEBHOOK_ADDRESS_NOT_ALLOWED', kind: 'invalid' });
    const unresolved = await checkWebhookAddress('http://nowhere.invalid/x', false, resolver({})).catch((e: unknown) => e);
    expect(unresolved).toBeInstanceOf(WebhookHostUnresolved);
    expect(unresolved).toMatchObject({ code: 'WEBHOOK_HOST_UNRESOLVED', kind: 'invalid' });
  });
});

describe('webhook signature', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body with the secret', () => {
    const body = '{"specversion":"1.0","id":"e1"}';
    expect(signWebhookBody('a-secret-of-16-chars', body)).toBe(`sha256=${createHmac('sha256', 'a-secret-of-16-chars').update(body).digest('hex')}`);
    expect(signWebhookBody('a-secret-of-16-chars', `${body} `)).not.toBe(signWebhookBody('a-secret-of-16-chars', body));
  });
});
