export * from './member-state.commands';
export * from './member-state.decide';
export * from './member-state.errors';
export * from './member-state.events';
export * from './member-state.state';
