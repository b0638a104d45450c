export * from './actors';
export * from './given-when-then';
