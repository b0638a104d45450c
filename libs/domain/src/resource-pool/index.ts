export * from './fixed-point';
export * from './resource-pool.commands';
export * from './resource-pool.decide';
export * from './resource-pool.errors';
export * from './resource-pool.events';
export * from './resource-pool.state';
