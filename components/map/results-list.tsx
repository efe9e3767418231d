"use client";
// The chargers beside the map, nearest first: hover highlights on the map, click or Enter selects,
// arrow keys move through the list.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { PROVIDER_LABELS } from "@/lib/domain";
import type { ChargerResult } from "@/lib/search/types";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { useFormat } from "@/components/ui/format-provider";
import { AVAILABILITY_TONES } from "./availability";

/** Rendering more rows than this slows the page and helps nobody; the map shows the rest. */
const MAX_ROWS = 200;

interface ResultsListProps {
  chargers: ChargerResult[];
  selectedKey: string | null;
  hoveredKey: string | null;
  onSelect(key: string): void;
  onHover(key: string | null): void;
}

export function ResultsList({ chargers, selectedKey, hoveredKey, onSelect, onHover }: ResultsListProps) {
  const f = useFormat();
  const t = useTranslations("map");
  const rows = chargers.slice(0, MAX_ROWS);
  const [activeIndex, setActiveIndex] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  // A charger picked on the map becomes the list's active row (adjusted while rendering, not in an effect).
  const [seenSelectedKey, setSeenSelectedKey] = useState(selectedKey);
  if (selectedKey !== seenSelectedKey) {
    setSeenSelectedKey(selectedKey);
    const index = rows.findIndex((c) => c.key === selectedKey);
    if (index >= 0) setActiveIndex(index);
  }

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeIndex]);

  function handleKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (!rows.length) return;
    const move = (index: number) => {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, index));
      setActiveIndex(next);
      onHover(rows[next].key);
    };
    if (event.key === "ArrowDown") move(activeIndex + 1);
    else if (event.key === "ArrowUp") move(activeIndex - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(rows.length - 1);
    else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(rows[Math.min(activeIndex, rows.length - 1)].key);
    }
  }

  const activeKey = rows[Math.min(activeIndex, rows.length - 1)]?.key;

  return (
    <div className="flex min-h-0 flex-col">
      <p className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
        {chargers.length > MAX_ROWS
          ? t("list.nearest", { shown: f.number(MAX_ROWS), total: f.number(chargers.length) })
          : t("list.inView", { count: chargers.length })}
      </p>
      <ul
        ref={listRef}
        role="listbox"
        aria-label={t("list.label")}
        tabIndex={0}
        aria-activedescendant={activeKey ? `charger-${activeIndex}` : undefined}
        onKeyDown={handleKeyDown}
        className="min-h-0 flex-1 overflow-y-auto outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      >
        {rows.map((charger, index) => {
          return (
            <li
              key={charger.key}
              id={`charger-${index}`}
              data-index={index}
              data-key={charger.key}
              role="option"
              aria-selected={charger.key === selectedKey}
              onClick={() => {
                setActiveIndex(index);
                onSelect(charger.key);
              }}
              onMouseEnter={() => onHover(charger.key)}
              onMouseLeave={() => onHover(null)}
              className={cn(
                "cursor-pointer border-b border-slate-100 px-3 py-2 text-sm dark:border-slate-800",
                charger.key === selectedKey && "bg-brand-600/10",
                charger.key !== selectedKey &&
                  (charger.key === hoveredKey || index === activeIndex) &&
                  "bg-slate-100 dark:bg-slate-800",
              )}
            >
              <div className="flex items-baseline justify-between gap-2">
                <span className="truncate font-medium">{charger.name}</span>
                <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">
                  {f.distance(charger.distanceM)}
                </span>
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
                <Badge tone={AVAILABILITY_TONES[charger.availability]}>
                  {t(`availability.${charger.availability}`)}
                </Badge>
                <span>{f.power(charger.maxPowerKw)}</span>
                <span>
                  ·{" "}
                  {t("list.free", {
                    free: charger.availableEvses,
                    total: charger.evses.filter((e) => e.matchesFilters).length,
                  })}
                </span>
                {charger.operatorName && <span className="truncate">· {charger.operatorName}</span>}
              </div>
              <div className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                {charger.sources.map((s) => PROVIDER_LABELS[s.provider]).join(" · ")}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
