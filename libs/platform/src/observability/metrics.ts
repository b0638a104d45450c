import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per process, exposed at /metrics by the api and by the worker. */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'coalition_commands_total',
    help: 'Commands handled, by type and outcome (ok, rejected code, error)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly eventsPublished = new Counter({
    name: 'coalition_outbox_published_total',
    help: 'Events the outbox relay has published',
    registers: [this.registry],
  });

  readonly outboxBacklog = new Gauge({
    name: 'coalition_outbox_backlog',
    help: 'Outbox rows not yet published',
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'coalition_projection_lag_seconds',
    help: 'Time from an event being recorded to its projection applying it (last batch)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionPosition = new Gauge({
    name: 'coalition_projection_position',
    help: 'Highest position each projection has applied',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly webhookAttempts = new Counter({
    name: 'coalition_webhook_attempts_total',
    help: 'Webhook delivery attempts, by outcome (delivered, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly checkpointTreeSize = new Gauge({
    name: 'coalition_tlog_checkpoint_size',
    help: 'Tree size of the last signed transparency-log checkpoint',
    registers: [this.registry],
  });

  readonly witnessCosignatures = new Counter({
    name: 'coalition_witness_cosignatures_total',
    help: 'Checkpoints a witness cosigned, by witness',
    labelNames: ['witness'] as const,
    registers: [this.registry],
  });

  readonly witnessRefusals = new Counter({
    name: 'coalition_witness_refusals_total',
    help: 'Checkpoints a witness refused or could not be asked about, by witness and HTTP status (0: unreachable, "invalid": a cosignature that does not verify)',
    labelNames: ['witness', 'status'] as const,
    registers: [this.registry],
  });

  readonly treeSize = new Gauge({
    name: 'coalition_tlog_tree_size',
    help: 'Leaves the stored Merkle tree covers (below the head while a backfill runs)',
    registers: [this.registry],
  });

  readonly auditCheckpointPosition = new Gauge({
    name: 'coalition_audit_checkpoint_position',
    help: 'Position of the last audit chain head the worker verified and published',
    registers: [this.registry],
  });

  readonly loopFailures = new Counter({
    name: 'coalition_worker_loop_failures_total',
    help: 'Failed passes of each worker loop (relay, consumer, scheduler, webhooks, checkpoints); each is retried after a back-off',
    labelNames: ['loop'] as const,
    registers: [this.registry],
  });

  readonly loopLastProgress = new Gauge({
    name: 'coalition_worker_loop_last_progress_timestamp_seconds',
    help: 'Unix time of the last completed pass of each worker loop; alert when it stops moving',
    labelNames: ['loop'] as const,
    registers: [this.registry],
  });

  readonly databaseUnavailable = new Counter({
    name: 'coalition_database_unavailable_total',
    help: 'Requests answered 503 DATABASE_UNAVAILABLE because the database could not be reached or did not answer in time',
    registers: [this.registry],
  });

  constructor(process: 'api' | 'worker' | 'embedded') {
    this.registry.setDefaultLabels({ process });
    collectDefaultMetrics({ register: this.registry });
  }
}
