import { defineConfig } from 'vitest/config';

/** `npm run test:browser`: the pages checked in a real, headless Chromium (Debian's package). */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
