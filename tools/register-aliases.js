// Resolves the @coalition/* aliases of tsconfig.base.json inside the compiled dist/ tree, so
// the built apps run with plain `node` (no bundler, no TypeScript at run time).
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

tsconfigPaths.register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, targets]) => [alias, targets.map((t) => t.replace(/\.ts$/, ''))]),
  ),
});
