import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    setupFiles: ["tests/support/setup.ts"],
    environment: "node",
    testTimeout: 15_000,
  },
});
