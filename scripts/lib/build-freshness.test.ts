import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildNeeded } from "./build-freshness";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A project with one page written at `sourceAt` and, when `builtAt` is given, a build made then. */
function project(sourceAt: number, builtAt?: number) {
  const root = mkdtempSync(path.join(tmpdir(), "build-freshness-"));
  roots.push(root);
  mkdirSync(path.join(root, "app", "map"), { recursive: true });
  const page = path.join(root, "app", "map", "page.tsx");
  writeFileSync(page, "export default function Page() {}");
  utimesSync(page, sourceAt / 1000, sourceAt / 1000);
  if (builtAt !== undefined) {
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    utimesSync(path.join(root, ".next", "BUILD_ID"), builtAt / 1000, builtAt / 1000);
  }
  return { root, page };
}

describe("buildNeeded", () => {
  const yesterday = Date.parse("2026-11-30T12:00:00Z");
  const today = Date.parse("2026-12-01T12:00:00Z");

  it("builds when there is no build", () => {
    expect(buildNeeded(project(yesterday).root, ".next")).toBe("missing");
  });

  it("starts the build as it is when nothing changed since", () => {
    expect(buildNeeded(project(yesterday, today).root, ".next")).toBeNull();
  });

  it("builds again when a source file is newer than the build (a pull, an edit)", () => {
    expect(buildNeeded(project(today, yesterday).root, ".next")).toBe("stale");
  });

  it("sees a new message file or lockfile as a change too", () => {
    const { root } = project(yesterday, today - 1_000);
    mkdirSync(path.join(root, "messages", "de"), { recursive: true });
    writeFileSync(path.join(root, "messages", "de", "map.json"), "{}");
    expect(buildNeeded(root, ".next")).toBe("stale");
  });
});
