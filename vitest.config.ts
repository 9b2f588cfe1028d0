import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // backstops against a hang, never a measure of speed: no assertion depends on how fast the machine is
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
