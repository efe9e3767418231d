"use client";
// Paging under the key table: how many keys match, and the previous and next page.
import { Button } from "@/components/ui/button";

export function KeyPager({
  total,
  page,
  pageSize,
  onPage,
}: {
  total: number | undefined;
  page: number;
  pageSize: number;
  onPage(page: number): void;
}) {
  const pageCount = Math.max(1, Math.ceil((total ?? 0) / pageSize));
  return (
    <nav aria-label="Pages of keys" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span>{total === undefined ? "" : `${total} ${total === 1 ? "key" : "keys"}`}</span>
      <div className="flex items-center gap-2">
        <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <span>
          Page {page} of {pageCount}
        </span>
        <Button size="sm" variant="secondary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
