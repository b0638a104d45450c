/**
 * Steady command load for fault tests and `npm run chaos`: a few lanes, each sending one
 * command after another, every command with an Idempotency-Key of its own. A command is
 * retried with the same key until it is answered 201 (after a 503 as soon as its Retry-After
 * allows, after a failed connection when the api is back), so each should take effect exactly
 * once however the api, its database or its process fail meanwhile; the key travels in the
 * pledge's `note`, which lets a check count each command's events afterwards. Each lane pledges
 * a resource type of its own, so lanes do not contend for one pool's stream: contention is
 * not what this load is about (an unpinned command that keeps losing the race to a hot stream
 * is answered 409 VERSION_CONFLICT in the end, which would be counted as unexpected here).
 */
export interface LoadTarget {
  /** The api's base URL, asked afresh for every request (a test may replace the api). */
  baseUrl: () => string;
  /** Bearer tokens of coordinators of ratified states of `compactId`. */
  tokens: string[];
  compactId: string;
}

export interface LoadOptions {
  lanes?: number;
  /** Keys are `<tag>-<lane>-<n>`. */
  tag?: string;
  /** Longest wait for one answer: a request that takes longer is a hang, and reported. */
  requestTimeoutMs?: number;
  /** Longest wait before retrying, whatever Retry-After says (tests keep it short). */
  maxRetryWaitMs?: number;
}

export interface LoadReport {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Answers by status; `network` for a connection that failed (the api was down). */
  byStatus: Record<string, number>;
  /** Commands that were answered 201, by key, with the position they answered. */
  accepted: Map<string, number>;
  /** Commands still without a 201 when the load stopped. */
  unfinished: string[];
  /** Answers other than 201 and 503, and requests that hung: each one a defect. */
  unexpected: string[];
  /** Replays: the retry of a command whose first attempt had committed but whose answer was lost. */
  replayed: number;
  /** When each answer came, for recovery times: [time, status]. */
  timeline: [number, string][];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class CommandLoad {
  private running = false;
  private lanes: Promise<void>[] = [];
  private inFlight = new Set<string>();
  private readonly report: LoadReport = { requests: 0, byStatus: {}, accepted: new Map(), unfinished: [], unexpected: [], replayed: 0, timeline: [] };
  private drainUntil = Number.POSITIVE_INFINITY;

  constructor(
    private readonly target: LoadTarget,
    private readonly options: LoadOptions = {},
  ) {}

  start(): void {
    this.running = true;
    const lanes = this.options.lanes ?? 4;
    this.lanes = Array.from({ length: lanes }, (_, lane) => this.lane(lane));
  }

  /** The report so far (live: positions and counts keep growing while the load runs). */
  get progress(): LoadReport {
    return this.report;
  }

  /** The highest position any command was answered with. */
  get lastPosition(): number {
    return Math.max(0, ...this.report.accepted.values());
  }

  /** Stops starting commands; those under way keep retrying for up to `drainMs`. */
  async stop(drainMs = 30_000): Promise<LoadReport> {
    this.running = false;
    this.drainUntil = Date.now() + drainMs;
    await Promise.all(this.lanes);
    this.report.unfinished = [...this.inFlight];
    return this.report;
  }

  private async lane(lane: number): Promise<void> {
    const token = this.target.tokens[lane % this.target.tokens.length];
    for (let n = 1; this.running; n++) {
      const key = `${this.options.tag ?? 'load'}-${lane}-${n}`;
      this.inFlight.add(key);
      if (await this.untilAccepted(key, token, lane)) this.inFlight.delete(key);
    }
  }

  /** Sends the command until 201 (true), an unexpected answer, or the drain time is up (false). */
  private async untilAccepted(key: string, token: string, lane: number): Promise<boolean> {
    const body = JSON.stringify({ resourceType: `fire-engine-${lane}`, unit: 'each', quantity: 1, note: key });
    while (Date.now() < this.drainUntil) {
      const answer = await this.send(key, token, body);
      this.count(answer.status);
      if (answer.status === '201') {
        this.report.accepted.set(key, answer.position ?? 0);
        if (answer.replayed) this.report.replayed += 1;
        return true;
      }
      if (answer.status !== '503' && answer.status !== 'network') {
        this.report.unexpected.push(`${key}: ${answer.status} ${answer.detail ?? ''}`.trim());
        return false;
      }
      await sleep(Math.min(answer.retryAfterMs ?? 200, this.options.maxRetryWaitMs ?? 1_000));
    }
    return false;
  }

  private async send(key: string, token: string, body: string) {
    this.report.requests += 1;
    try {
      const response = await fetch(`${this.target.baseUrl()}/api/v1/compacts/${this.target.compactId}/pledges`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body,
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 20_000),
      });
      const text = await response.text();
      const parsed = safeJson(text);
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        status: String(response.status),
        position: typeof parsed.position === 'number' ? parsed.position : undefined,
        replayed: response.headers.get('idempotent-replayed') === 'true',
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
        detail: response.status === 201 ? undefined : text.slice(0, 300),
      };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { status: 'hang', detail: `no answer within ${this.options.requestTimeoutMs ?? 20_000} ms` };
      return { status: 'network', detail: (error as Error).message };
    }
  }

  private count(status: string): void {
    this.report.byStatus[status] = (this.report.byStatus[status] ?? 0) + 1;
    this.report.timeline.push([Date.now(), status]);
  }
}

function safeJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
