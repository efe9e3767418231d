// `npm run screenshots`: the end-to-end stack and browser, pointed at the screenshot spec instead of the tests.
import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

export default defineConfig({
  ...e2e,
  testDir: "./scripts/screenshots",
  timeout: 15 * 60_000,
  retries: 0,
  outputDir: "test-results/screenshots",
});
