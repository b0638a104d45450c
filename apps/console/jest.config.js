// The console's unit tests: its browser-side code (the proof verifier above all) run in Node 20,
// which has the same WebCrypto (crypto.subtle with Ed25519), TextEncoder and atob as a browser.
module.exports = {
  displayName: 'console',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.unit.spec.ts'],
};
