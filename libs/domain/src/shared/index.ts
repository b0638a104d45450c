export * from './actor';
export * from './decider';
export * from './domain-error';
export * from './state-code';
