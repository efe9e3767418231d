import { describe, expect, it } from "vitest";
import { detailsClass, priorityClasses, type ColumnPriority } from "./column-priority";

const PRIORITIES: ColumnPriority[] = [1, 2, 3, 4, 5];

describe("priorityClasses", () => {
  it("always shows a priority-1 column and keeps it out of the details", () => {
    expect(priorityClasses(1)).toEqual({ cell: "", detail: "hidden" });
    expect(priorityClasses(undefined)).toEqual(priorityClasses(1));
  });

  it("shows a column's details entry exactly while the column is hidden", () => {
    for (const p of PRIORITIES.slice(1)) {
      const { cell, detail } = priorityClasses(p);
      const breakpoint = /^hidden (@\w+):table-cell$/.exec(cell)?.[1];
      expect(breakpoint, `priority ${p}`).toBeDefined();
      expect(detail).toBe(`${breakpoint}:hidden`);
    }
  });

  it("needs more room for each lower priority", () => {
    const breakpoints = PRIORITIES.slice(1).map((p) => priorityClasses(p).cell);
    expect(new Set(breakpoints).size).toBe(breakpoints.length);
    expect(breakpoints).toEqual([
      "hidden @md:table-cell",
      "hidden @2xl:table-cell",
      "hidden @4xl:table-cell",
      "hidden @6xl:table-cell",
    ]);
  });
});

describe("detailsClass", () => {
  it("offers no details when every column always shows", () => {
    expect(detailsClass([])).toBeNull();
    expect(detailsClass([1, undefined, 1])).toBeNull();
  });

  it("hides the details from the width where the last hidden column appears", () => {
    expect(detailsClass([1, 2])).toBe("@md:hidden");
    expect(detailsClass([3, 1, 5, 2])).toBe("@6xl:hidden");
    expect(detailsClass([undefined, 4])).toBe(priorityClasses(4).detail);
  });
});
