const nx = require('@nx/eslint-plugin');
const reactHooks = require('eslint-plugin-react-hooks');

// Frameworks and I/O the pure domain library must never import.
const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'typeorm-*', 'kafkajs', 'passport', 'passport-*', 'pg', '@electric-sql/*', 'express', 'jose', 'pino', 'nestjs-pino', 'prom-client'];
// The typed client runs in the browser too (the console bundles it): nothing Node-only.
const NODE_ONLY = ['node:*', ...require('node:module').builtinModules];

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.kafka', 'data', 'coverage', 'tmp', '**/*.js'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // The domain is pure TypeScript: no other project, no framework, no I/O.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: FRAMEWORKS },
            // The transparency log stands alone: RFC 9162 and C2SP formats, no framework, no I/O.
            { sourceTag: 'type:tlog', onlyDependOnLibsWithTags: [], bannedExternalImports: FRAMEWORKS },
            // The back end in layers, each standing only on those before it:
            // domain < platform < event store < read side < worker.
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:tlog'] },
            { sourceTag: 'type:store', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:store', 'type:tlog'] },
            { sourceTag: 'type:read', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:store', 'type:read', 'type:tlog'] },
            { sourceTag: 'type:worker', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:store', 'type:read', 'type:worker', 'type:tlog'] },
            // The client stands on the published HTTP contract alone.
            { sourceTag: 'type:api-client', onlyDependOnLibsWithTags: [], bannedExternalImports: FRAMEWORKS },
            // Apps stand on the libraries and never import each other. Of the api, only the embedded
            // bootstrap may import the worker library (the rule for apps/api below).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:store', 'type:read', 'type:worker', 'type:tlog'] },
            // The console stands on the published HTTP contract, through the typed client.
            { sourceTag: 'type:console', onlyDependOnLibsWithTags: ['type:api-client'], bannedExternalImports: FRAMEWORKS },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:store', 'type:read', 'type:api-client', 'type:tlog'] },
          ],
        },
      ],
    },
  },
  {
    // The api serves HTTP; the worker's loops run in apps/worker, or inside the api only for the
    // embedded default, through this one bootstrap file (and the test helper that hosts a worker).
    files: ['apps/api/**/*.ts'],
    ignores: ['apps/api/src/bootstrap/embedded-worker.ts', 'apps/api/src/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@coalition/worker', message: 'only apps/worker and apps/api/src/bootstrap/embedded-worker.ts import the worker library' }] }],
    },
  },
  {
    // Nx's boundary rule sees npm packages only; Node's own modules are refused here.
    files: ['libs/api-client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_ONLY, message: 'libs/api-client runs in browsers too: no Node-only modules' }] }],
    },
  },
  {
    // The console runs in browsers: React's rules of hooks, and nothing Node-only (its build config aside).
    files: ['apps/console/src/**/*.ts', 'apps/console/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_ONLY, message: 'the console runs in browsers: no Node-only modules' }] }],
    },
  },
  {
    // Small pieces: a file a newcomer can read at one sitting, a function that fits on a screen.
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts', 'bench/**/*.ts', 'tools/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**', 'libs/api-client/src/generated/**', '**/migrations/**'],
    rules: {
      'max-lines': ['error', { max: 250 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
];
