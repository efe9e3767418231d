// `npm test` and `npm start` can run side by side in one folder (issue: a test build replaced the `.next`
// a running app served from). e2e/side-by-side.spec.ts shows it in the browser; this checks the wiring that
// keeps them apart: the test build's own folder, data and port, and nothing that touches the running app's.
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

const testScript = readFileSync("scripts/test.sh", "utf8");
const playwrightConfig = readFileSync("playwright.config.ts", "utf8");

describe("npm test beside npm start", () => {
  it("builds into .next-test, set before any step that builds or serves", () => {
    const exported = testScript.indexOf("export NEXT_DIST_DIR=${TEST_DIST_DIR:-.next-test}");
    expect(exported).toBeGreaterThan(-1);
    for (const step of ['step "build"', 'step "end-to-end tests"', 'step "typecheck"']) {
      expect(testScript.indexOf(step), step).toBeGreaterThan(exported);
    }
  });

  it("never removes or writes the running app's .next or .data", () => {
    expect(testScript).not.toMatch(/rm -rf\s+\.next(\s|$|\/)/);
    expect(testScript).not.toMatch(/\.data\b/);
  });

  it("has next.config follow NEXT_DIST_DIR", async () => {
    const previous = process.env.NEXT_DIST_DIR;
    process.env.NEXT_DIST_DIR = ".next-side-by-side";
    try {
      vi.resetModules();
      const { default: config } = await import("../next.config");
      expect(config.distDir).toBe(".next-side-by-side");
    } finally {
      if (previous === undefined) delete process.env.NEXT_DIST_DIR;
      else process.env.NEXT_DIST_DIR = previous;
    }
  });

  it("serves the end-to-end app from its own data folder and port, not npm start's", () => {
    expect(playwrightConfig).toMatch(/E2E_PORT \?\? 3100/);
    expect(playwrightConfig).toMatch(/\.test-data\/e2e-\$\{port\}/);
    expect(playwrightConfig).toMatch(/--sandbox-port 0/);
  });
});
