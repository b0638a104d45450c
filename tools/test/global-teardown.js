const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalTeardown() {
  if (!globalThis.__COALITION_KAFKA_STARTED__) return;
  execFileSync('bash', [path.join(__dirname, '..', 'kafka', 'kafka-down.sh')], { stdio: 'inherit' });
};
