// Shared jest preset: SWC compiles TypeScript (with decorator metadata for Nest) far faster
// than ts-jest on two cores; type checking is done once by `npm run typecheck`.
const path = require('node:path');

const swc = (parser) => [
  '@swc/jest',
  {
    jsc: {
      parser,
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// ESM-only packages the api loads: Node >= 20.19 requires them natively, jest's runtime does not, so jest gets them compiled to CommonJS.
const ESM_ONLY = ['jose'];

module.exports = {
  testEnvironment: 'node',
  // A test's own deadline, not a speed check (speed is measured in `npm run bench`): on a shared two-core
  // machine an e2e step over real HTTP, PostgreSQL and Kafka can take seconds, so 5 s failed sound tests.
  testTimeout: 30_000,
  transform: {
    '^.+\\.ts$': swc({ syntax: 'typescript', decorators: true }),
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: swc({ syntax: 'ecmascript' }),
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@coalition/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@coalition/domain/testing$': path.join(__dirname, 'libs/domain/src/testing/index.ts'),
    '^@coalition/platform$': path.join(__dirname, 'libs/platform/src/index.ts'),
    '^@coalition/platform/testing$': path.join(__dirname, 'libs/platform/src/testing/index.ts'),
    '^@coalition/event-store$': path.join(__dirname, 'libs/event-store/src/index.ts'),
    '^@coalition/event-store/testing$': path.join(__dirname, 'libs/event-store/src/testing/index.ts'),
    '^@coalition/read-side$': path.join(__dirname, 'libs/read-side/src/index.ts'),
    '^@coalition/worker$': path.join(__dirname, 'libs/worker/src/index.ts'),
    '^@coalition/transparency-log$': path.join(__dirname, 'libs/transparency-log/src/index.ts'),
    '^@coalition/api-client$': path.join(__dirname, 'libs/api-client/src/index.ts'),
  },
};
