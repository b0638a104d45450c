export * from './shared';
export * from './member-state';
export * from './identity';
export * from './webhook';
export * from './event-catalog';
