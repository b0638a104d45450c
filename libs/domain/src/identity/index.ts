export * from './user.commands';
export * from './user.decide';
export * from './user.errors';
export * from './user.events';
export * from './user.state';
