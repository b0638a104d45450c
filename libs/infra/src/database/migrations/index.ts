import { EventStore1764000000000 } from './1764000000000-event-store';
import { ReadSide1764000000001 } from './1764000000001-read-side';
import { IdentityReadModels1764000000002 } from './1764000000002-identity-read-models';
import { CompactsReadModels1764000000010 } from './1764000000010-compacts-read-models';
import { ResourceSharing1764000000020 } from './1764000000020-resource-sharing';

/** In order. A new migration is appended here; `synchronize` is never used. */
export const MIGRATIONS = [EventStore1764000000000, ReadSide1764000000001, IdentityReadModels1764000000002, CompactsReadModels1764000000010, ResourceSharing1764000000020];
