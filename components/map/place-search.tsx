"use client";
// Jump the map to a town or one of the fleet's depots.
import { useEffect, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import type { PlaceHit } from "@/lib/search/place-search";
import { cn } from "@/components/ui/cn";
import { usePlaceSearch } from "./queries";

export function PlaceSearch({ fleetId, onPick }: { fleetId: string; onPick(place: PlaceHit): void }) {
  const t = useTranslations("map");
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const { data, isFetching } = usePlaceSearch(fleetId, query);
  const hits = query.length >= 2 ? (data?.places ?? []) : [];

  function pick(hit: PlaceHit) {
    onPick(hit);
    setText(hit.name);
    setOpen(false);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === "Enter" && hits[active]) {
      event.preventDefault();
      pick(hits[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  return (
    <div className="relative w-full max-w-xs">
      <input
        type="search"
        role="combobox"
        aria-label={t("placeSearch.label")}
        aria-expanded={open && hits.length > 0}
        aria-controls="place-results"
        aria-activedescendant={open && hits[active] ? `place-${active}` : undefined}
        placeholder={t("placeSearch.placeholder")}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={handleKeyDown}
      />
      {open && query.length >= 2 && (
        <ul
          id="place-results"
          role="listbox"
          aria-label={t("placeSearch.results")}
          className="absolute z-30 mt-1 w-full overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`place-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(hit)}
              className={cn("cursor-pointer px-3 py-1.5 text-sm", index === active && "bg-slate-100 dark:bg-slate-800")}
            >
              <span className="font-medium">{hit.name}</span>{" "}
              <span className="text-xs text-slate-500">
                {hit.kind === "depot"
                  ? hit.detail
                    ? t("placeSearch.depotWithDetail", { detail: hit.detail })
                    : t("placeSearch.depot")
                  : hit.detail}
              </span>
            </li>
          ))}
          {!hits.length && (
            <li className="px-3 py-1.5 text-sm text-slate-500">
              {isFetching ? t("searching") : t("placeSearch.noMatch")}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
