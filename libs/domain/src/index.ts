export * from './shared';
export * from './member-state';
export * from './identity';
export * from './resource-pool';
export * from './compact';
export * from './proposal';
