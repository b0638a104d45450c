import { EventStore1764000000000 } from './1764000000000-event-store';
import { ReadSide1764000000001 } from './1764000000001-read-side';
import { IdentityReadModels1764000000002 } from './1764000000002-identity-read-models';
import { ApiKeysAndLoginThrottle1764000000003 } from './1764000000003-api-keys-and-login-throttle';
import { CompactsReadModels1764000000010 } from './1764000000010-compacts-read-models';
import { ResourceSharing1764000000020 } from './1764000000020-resource-sharing';
import { LegalActions1764000000030 } from './1764000000030-legal-actions';
import { AuditAndIntegration1764000000040 } from './1764000000040-audit-and-integration';
import { ResourceLocatorTrigger1764000000050 } from './1764000000050-resource-locator-trigger';
import { WebhookDeliveriesRetention1764000000060 } from './1764000000060-webhook-deliveries-retention';
import { TransparencyLog1764000000070 } from './1764000000070-transparency-log';
import { ApiKeyIssuer1764000000120 } from './1764000000120-api-key-issuer';
import { DeploymentIdentity1764000000121 } from './1764000000121-deployment-identity';
import { Usernames1764000000122 } from './1764000000122-usernames';
import { AdmissionRepairRetired1764000000130 } from './1764000000130-admission-repair-retired';
import { OutboxTopicSetByRelay1764000000140 } from './1764000000140-outbox-topic-set-by-relay';

/** In order. A new migration is appended here; `synchronize` is never used. */
export const MIGRATIONS = [
  EventStore1764000000000,
  ReadSide1764000000001,
  IdentityReadModels1764000000002,
  ApiKeysAndLoginThrottle1764000000003,
  CompactsReadModels1764000000010,
  ResourceSharing1764000000020,
  LegalActions1764000000030,
  AuditAndIntegration1764000000040,
  ResourceLocatorTrigger1764000000050,
  WebhookDeliveriesRetention1764000000060,
  TransparencyLog1764000000070,
  ApiKeyIssuer1764000000120,
  DeploymentIdentity1764000000121,
  Usernames1764000000122,
  AdmissionRepairRetired1764000000130,
  OutboxTopicSetByRelay1764000000140,
];
