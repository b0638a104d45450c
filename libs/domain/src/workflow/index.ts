export * from './compact-deadlines.workflow';
export * from './proposal-outcome.workflow';
