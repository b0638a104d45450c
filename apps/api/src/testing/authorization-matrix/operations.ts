import { AccessTable, PUBLIC } from './matrix';

/** Probes, scrapes and the API documentation need no credentials (Swagger registers the docs' pages itself). */
export const OPERATIONS_ACCESS: AccessTable = {
  'GET /health/live': { allowed: PUBLIC },
  'GET /health/ready': { allowed: PUBLIC },
  'GET /metrics': { allowed: PUBLIC },
  'GET /docs': { allowed: PUBLIC },
  'GET /docs/': { allowed: PUBLIC },
  'GET /docs/index.html': { allowed: PUBLIC },
  'GET /docs/LICENSE': { allowed: PUBLIC },
  'GET /docs/swagger-ui-init.js': { allowed: PUBLIC },
  'GET /docs/docs/swagger-ui-init.js': { allowed: PUBLIC },
  'GET /docs-json': { allowed: PUBLIC },
  'GET /docs-yaml': { allowed: PUBLIC },
};
