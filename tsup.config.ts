import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', schema: 'src/json-schema.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    esbuildOptions(options, { format }) {
      // CommonJS has no import.meta: give it the bundle's own file URL instead (the ESM build keeps import.meta.url)
      if (format === 'cjs') {
        options.define = { ...options.define, 'import.meta.url': 'importMetaUrl' };
        options.inject = [...(options.inject ?? []), 'scripts/cjs-import-meta.ts'];
      }
    },
  },
  {
    // the CLI uses top-level await: ESM only
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
  },
]);
