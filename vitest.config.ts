import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const alias = {
  "@": fileURLToPath(new URL(".", import.meta.url)),
  // "server-only" throws outside a React Server bundle; the guarantee it gives is Next's to check.
  "server-only": fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url)),
};
const exclude = ["node_modules/**", "e2e/**", ".next*/**", ".data/**", ".test-data/**", "generated/**"];
// The app logs every request, provider call and job (lib/observability/log.ts); tests show errors only
// unless LOG_LEVEL says otherwise. Tests of log lines use their own logger or spy on it.
const env = { LOG_LEVEL: process.env.LOG_LEVEL ?? "error" };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          env,
          include: ["**/*.test.{ts,tsx}"],
          exclude: [...exclude, "**/*.integration.test.ts"],
          environment: "node",
          // component tests opt in with a `// @vitest-environment happy-dom` docblock
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          env,
          include: ["**/*.integration.test.ts"],
          exclude,
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/per-file-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
