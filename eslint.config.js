const nx = require('@nx/eslint-plugin');

// Frameworks and I/O the pure domain library must never import.
const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'typeorm-*', 'kafkajs', 'passport', 'passport-*', 'pg', '@electric-sql/*', 'express', 'jose', 'pino', 'nestjs-pino', 'prom-client'];

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.kafka', 'data', 'coverage', 'tmp', '**/*.js'] },
  {
    files: ['**/*.ts'],
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
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:infra'] },
            // Apps stand on the libraries and never import each other.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:infra'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:infra'] },
          ],
        },
      ],
    },
  },
];
