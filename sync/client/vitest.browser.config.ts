import { defineConfig } from "vitest/config";

/** Tests that drive the bundled client in real Chromium (npm run test:browser). */
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A loaded CI machine can keep Chromium busy for seconds; the 1 s default made polls flaky.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
