export * from './hashes';
export * from './tree';
export * from './verify';
export * from './note';
export * from './checkpoint';
export * from './cosignature';
export * from './witness';
