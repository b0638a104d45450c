/**
 * A webhook receiver with the Standard Webhooks library (docs/integration.md): verify the raw
 * body before parsing it, refuse stale timestamps (the library allows 5 minutes), and
 * deduplicate on `webhook-id`. Run by apps/e2e/src/integration-examples.e2e.spec.ts on loopback.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export interface CoalitionEvent {
  id: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

export interface Receiver {
  url: string;
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: {
  /** The webhook's secret: `whsec_…` as registered or as a rotation answered it. Several during a rotation. */
  secrets: string[];
  onEvent: (event: CoalitionEvent) => Promise<void> | void;
  host?: string;
  port?: number;
}): Promise<Receiver> {
  const verifiers = options.secrets.map((secret) => new Webhook(secret));
  const seen = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      let event: CoalitionEvent | undefined;
      for (const verifier of verifiers) {
        try {
          event = verifier.verify(body, headers) as CoalitionEvent;
          break;
        } catch (error) {
          if (!(error instanceof WebhookVerificationError)) throw error;
        }
      }
      if (!event) return void response.writeHead(400).end('bad signature');
      const id = headers['webhook-id'];
      if (seen.has(id)) return void response.writeHead(204).end(); // a retry of what we already have
      Promise.resolve(options.onEvent(event)).then(
        () => {
          seen.add(id);
          response.writeHead(204).end();
        },
        () => response.writeHead(500).end(), // Coalition retries with back-off
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/coalition`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
