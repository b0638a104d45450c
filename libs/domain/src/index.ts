export * from './shared';
export * from './member-state';
export * from './identity';
export * from './compact';
export * from './proposal';
export * from './webhook';
export * from './event-catalog';
