export * from './legal-action.commands';
export * from './legal-action.decide';
export * from './legal-action.errors';
export * from './legal-action.events';
export * from './legal-action.state';
export * from './legal-action.access';
