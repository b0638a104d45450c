export * from './shared';
export * from './member-state';
export * from './identity';
export * from './api-key';
export * from './legal-action';
export * from './resource-pool';
export * from './compact';
export * from './proposal';
