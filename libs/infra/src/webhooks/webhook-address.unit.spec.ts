import { checkWebhookAddress, isNonPublicAddress, WebhookAddressNotAllowed, WebhookHostUnresolved } from './webhook-address';
import { signWebhookBody } from './webhook-sender';
import { createHmac } from 'node:crypto';

describe('webhook addresses', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1',
    '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', 'not-an-ip',
  ])('treats %s as non-public', (address) => expect(isNonPublicAddress(address)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111', '::ffff:8.8.4.4'])('treats %s as public', (address) =>
    expect(isNonPublicAddress(address)).toBe(false));

  const resolver = (table: Record<string, string[]>) => async (host: string) => {
    if (!table[host]) throw new Error('ENOTFOUND');
    return table[host];
  };

  it('refuses loopback and private hosts, literal or by name, unless allowed', async () => {
    const dns = resolver({ 'hooks.internal': ['10.0.0.7'], 'mixed.example': ['93.184.216.34', '192.168.0.9'], 'public.example': ['93.184.216.34'] });
    for (const url of ['http://127.0.0.1:8080/x', 'https://[::1]/x', 'http://[::ffff:10.0.0.1]/x', 'http://hooks.internal/x', 'http://mixed.example/x']) {
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
