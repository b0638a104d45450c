export const APP_CONFIG = Symbol('APP_CONFIG');
export const KAFKA = Symbol('KAFKA');
/** The transparency log's checkpoint key (a NoteSigner from @coalition/transparency-log). */
export const LOG_SIGNER = Symbol('LOG_SIGNER');
