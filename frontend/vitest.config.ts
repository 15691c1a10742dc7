import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.js';

// The unit tests: our components and pure functions in jsdom, only the network faked (src/test/api.ts).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      // The SPA shows Tokyo time whatever the machine's zone; the tests run far from Tokyo too.
      env: { TZ: 'America/Los_Angeles' },
      // jsdom is slow on a busy machine (CI shares its cores with the browser tests).
      testTimeout: 20_000,
    },
  }),
);
