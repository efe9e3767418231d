// Column priorities for narrow tables: which container width shows a column, and when its row details take over.

/**
 * 1 always shows; 2–5 show from a container width up (28, 42, 56, 72 rem). Below that width a column's value
 * moves into the row's details, so every value stays one click away.
 */
export type ColumnPriority = 1 | 2 | 3 | 4 | 5;

interface PriorityClasses {
  /** On the column's header and cells. */
  cell: string;
  /** On the column's entry in the row details: shown exactly while the column itself is hidden. */
  detail: string;
}

// Whole class names, so Tailwind finds them in the source; container queries, because the sidebar decides the
// room a table has, not the viewport.
const CLASSES: Record<ColumnPriority, PriorityClasses> = {
  1: { cell: "", detail: "hidden" },
  2: { cell: "hidden @md:table-cell", detail: "@md:hidden" },
  3: { cell: "hidden @2xl:table-cell", detail: "@2xl:hidden" },
  4: { cell: "hidden @4xl:table-cell", detail: "@4xl:hidden" },
  5: { cell: "hidden @6xl:table-cell", detail: "@6xl:hidden" },
};

export function priorityClasses(priority: ColumnPriority | undefined): PriorityClasses {
  return CLASSES[priority ?? 1];
}

/**
 * Classes for the details toggle and the details row: shown while any column is hidden, so hidden from the
 * width where the last column appears. Null when every column always shows and no details are needed.
 */
export function detailsClass(priorities: Array<ColumnPriority | undefined>): string | null {
  const highest = Math.max(1, ...priorities.map((p) => p ?? 1)) as ColumnPriority;
  return highest === 1 ? null : CLASSES[highest].detail;
}
