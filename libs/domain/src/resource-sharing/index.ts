export * from './fixed-point';
export * from './resource-sharing.commands';
export * from './resource-sharing.decide';
export * from './resource-sharing.errors';
export * from './resource-sharing.events';
export * from './resource-sharing.access';
export * from './resource-sharing.state';
