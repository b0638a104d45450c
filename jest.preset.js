// Shared jest preset: SWC compiles TypeScript (with decorator metadata for Nest) far faster
// than ts-jest on two cores; type checking is done once by `npm run typecheck`.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@coalition/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@coalition/domain/testing$': path.join(__dirname, 'libs/domain/src/testing/index.ts'),
    '^@coalition/infra$': path.join(__dirname, 'libs/infra/src/index.ts'),
    '^@coalition/infra/testing$': path.join(__dirname, 'libs/infra/src/testing/index.ts'),
    '^@coalition/transparency-log$': path.join(__dirname, 'libs/transparency-log/src/index.ts'),
    '^@coalition/api-client$': path.join(__dirname, 'libs/api-client/src/index.ts'),
  },
};
