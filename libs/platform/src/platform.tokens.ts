export const APP_CONFIG = Symbol('APP_CONFIG');
/** Which process this is ('api', 'worker' or 'embedded'): names its database sessions and metrics. */
export const PROCESS_NAME = Symbol('PROCESS_NAME');
export const KAFKA = Symbol('KAFKA');
/** The transparency log's checkpoint key (a NoteSigner from @coalition/transparency-log). */
export const LOG_SIGNER = Symbol('LOG_SIGNER');
