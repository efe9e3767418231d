// Whether the built app (`.next/BUILD_ID`) is older than what it was built from, so `npm start` after a pull or an
// edit serves the code in the folder rather than yesterday's build.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What a build is made of: source folders (walked) and single files, relative to the project root. */
export const BUILD_INPUTS = {
  folders: ["app", "components", "lib", "messages", "i18n", "public", "prisma"],
  files: ["next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"],
} as const;

const SKIPPED = new Set(["node_modules", ".git"]);

/** The newest modification time (ms) among the build's inputs under `root`; 0 when there are none. */
export function newestInput(
  root: string,
  inputs: { folders: readonly string[]; files: readonly string[] } = BUILD_INPUTS,
) {
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) if (!SKIPPED.has(entry)) visit(path.join(file, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const folder of inputs.folders) visit(path.join(root, folder));
  for (const file of inputs.files) visit(path.join(root, file));
  return newest;
}

/** Why the app must be built before it starts, or null when the build in `distDir` is current. */
export function buildNeeded(root: string, distDir: string): "missing" | "stale" | null {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return "missing";
  return newestInput(root) > statSync(buildId).mtimeMs ? "stale" : null;
}
