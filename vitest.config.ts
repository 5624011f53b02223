import path from "node:path";
import { defineConfig } from "vitest/config";
import { testStackEnv } from "./test/stack";

// The test stack's ports and data (dev/test-stack.env), for the dev scripts and test/sluice.test.yaml.
const stack = testStackEnv();

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests import server modules directly.
  "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["{lib,server,components,dev}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["{server,app,test}/**/*.int.test.ts"],
          globalSetup: ["test/integration-setup.ts"],
          env: {
            ...stack,
            SLUICE_CONFIG: "test/sluice.test.yaml",
            DATABASE_URL: process.env.DATABASE_URL ?? "file:./.data/test.db",
            SLUICE_GROUP_SAMPLE_SPACING_MS: "200",
          },
          // One broker, one registry, one database: files run one at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "postgres",
          environment: "node",
          include: ["test/db/*.pg.test.ts"],
          env: { ...stack, SLUICE_CONFIG: "test/sluice.test.yaml" },
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
