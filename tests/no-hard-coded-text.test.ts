// No hard-coded words on screen: every user-visible text in app/ and components/ comes from the messages
// (messages/<language>/<namespace>.json, through next-intl); tests/support/hard-coded-texts.ts says what counts.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hardCodedTexts } from "./support/hard-coded-texts";

const SCREEN_FILES = ["app", "components"]
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)))
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
  .sort();

const textsIn = (file: string) => hardCodedTexts(file, readFileSync(path.join(process.cwd(), file), "utf8"));

describe("screens have no hard-coded text", () => {
  it.each(SCREEN_FILES)("%s", (file) => {
    expect(textsIn(file)).toEqual([]);
  });

  it("reads every screen file", () => {
    expect(SCREEN_FILES.length).toBeGreaterThan(150);
  });

  it("catches what it is meant to catch", () => {
    const sample = `export const A = () => (
      <div aria-label="Close" title={open ? "Open" : t("x")}>
        Sign out {"Settings"} {" · "} {t("ok")} {count}
        <input placeholder="Email" className="text-sm" />
      </div>
    );
    const columns = [{ header: "Plate", id: "plate" }, { label: t("ok"), message: failed ? "Failed" : "" }];`;
    expect(hardCodedTexts("sample.tsx", sample).map((f) => f.split(": ")[1])).toEqual([
      '"Close"',
      '"Open"',
      '"Sign out"',
      '"Settings"',
      '"Email"',
      '"Plate"',
      '"Failed"',
    ]);
  });
});
