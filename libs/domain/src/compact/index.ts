export * from './acting-state';
export * from './charter';
export * from './compact.commands';
export * from './compact.decide';
export * from './compact.errors';
export * from './compact.events';
export * from './compact.state';
export * from './voting-rule';
