export * from './eventually';
export * from './actors';
export * from './kafka';
export * from './asyncapi';
export * from './local-postgres';
