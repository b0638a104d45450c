import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs embedded when neither DATABASE_URL nor KAFKA_BROKERS is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ embedded: true, port: 3000, webhookAllowPrivate: true, topicPrefix: '' });
    expect(config.kafka).toBeUndefined();
  });

  it('reads the production shape', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/c', KAFKA_BROKERS: 'k1:9092,k2:9092', KAFKA_TOPIC_PREFIX: 'prod.', PORT: '8080' });
    expect(config).toMatchObject({ embedded: false, port: 8080, topicPrefix: 'prod.', webhookAllowPrivate: false });
    expect(config.kafka?.brokers).toEqual(['k1:9092', 'k2:9092']);
  });

  it('names every bad value with its reason', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', KAFKA_BROKERS: 'nohost', DATABASE_URL: 'mysql://x', JWT_TTL_SECONDS: '5' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').slice(1).sort()).toEqual([
      '  DATABASE_URL: must be a postgres:// or postgresql:// URL',
      '  JWT_TTL_SECONDS: must be at least 30',
      '  KAFKA_BROKERS: must be a comma-separated list of host:port',
      '  PORT: must be a whole number',
    ]);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'k:1' })).toThrow(/DATABASE_URL: must be a postgres/);
  });

  it('refuses half a production configuration instead of silently embedding', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/c' })).toThrow(ConfigError);
    expect(() => loadConfig({ KAFKA_BROKERS: 'k:9092' })).toThrow(/go together/);
  });

  it('mounts the benchmark route only when BENCH_ROUTES is true', () => {
    expect(loadConfig({}).benchRoutes).toBe(false);
    expect(loadConfig({ BENCH_ROUTES: 'true' }).benchRoutes).toBe(true);
    expect(() => loadConfig({ BENCH_ROUTES: 'yes' })).toThrow(/BENCH_ROUTES: must be true or false/);
  });
});
