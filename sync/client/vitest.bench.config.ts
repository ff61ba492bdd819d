import { defineConfig } from "vitest/config";

/** Benchmarks that drive the bundled client in real Chromium (npm run bench; `just bench tablet_sync`). */
export default defineConfig({
  test: {
    include: ["bench/**/*.chromium.ts"],
    environment: "node",
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
