import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Golden files change only through `npm run test:update`.
    update: "none",
    testTimeout: 30_000,
  },
});
