export * from './proposal.commands';
export * from './proposal.decide';
export * from './proposal.errors';
export * from './proposal.events';
export * from './proposal.state';
export * from './tally';
