import { TEST_METRICS_TOKEN } from '../running-api';
import { AccessTable, PUBLIC } from './matrix';

/** Probes, scrapes and the API documentation need no credentials (Swagger registers the docs' pages itself). */
export const OPERATIONS_ACCESS: AccessTable = {
  'GET /health/live': { allowed: PUBLIC },
  'GET /health/ready': { allowed: PUBLIC },
  // Open to whoever holds the metrics token (Prometheus), whatever else it presents; without it, 401 (security e2e).
  'GET /metrics': { allowed: PUBLIC, prepare: () => ({ headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } }) },
  'GET /docs': { allowed: PUBLIC },
  'GET /docs/': { allowed: PUBLIC },
  'GET /docs/index.html': { allowed: PUBLIC },
  'GET /docs/LICENSE': { allowed: PUBLIC },
  'GET /docs/swagger-ui-init.js': { allowed: PUBLIC },
  'GET /docs/docs/swagger-ui-init.js': { allowed: PUBLIC },
  'GET /docs-json': { allowed: PUBLIC },
  'GET /docs-yaml': { allowed: PUBLIC },
};
