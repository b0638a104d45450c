// One run over every project; Kafka is started once for the whole suite when KAFKA_BROKERS is unset.
module.exports = {
  projects: ['<rootDir>/libs/domain', '<rootDir>/libs/transparency-log', '<rootDir>/libs/platform', '<rootDir>/libs/event-store', '<rootDir>/libs/read-side', '<rootDir>/libs/worker', '<rootDir>/apps/api', '<rootDir>/apps/worker', '<rootDir>/apps/console', '<rootDir>/apps/e2e'],
  globalSetup: '<rootDir>/tools/test/global-setup.js',
  globalTeardown: '<rootDir>/tools/test/global-teardown.js',
};
