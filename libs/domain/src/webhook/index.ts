export * from './webhook.commands';
export * from './webhook.decide';
export * from './webhook.errors';
export * from './webhook.events';
export * from './webhook.state';
export * from './webhook.subscription';
