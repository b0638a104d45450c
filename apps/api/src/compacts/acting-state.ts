import { CommandMeta } from '../common/commands/command-handling';

/**
 * The state a compact command acts for is always the caller's own; the domain refuses a
 * principal without one (an admin, an auditor) with 403.
 */
export const actingStateOf = (meta: CommandMeta): string => meta.principal.stateCode ?? '';
