import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// A static build that the api serves at `/` (dist/apps/console); no dev server is needed to use it.
export default defineConfig({
  root: here('.'),
  base: '/',
  resolve: { alias: { '@coalition/api-client': here('../../libs/api-client/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('../../dist/apps/console'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      checks: { pluginTimings: false },
      // TanStack Query marks its modules "use client" for React Server Components; a plain SPA has none.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
