"use client";
// A row's (or the page's) box in the bookings list's selection: a native checkbox, so Space toggles it and
// screen readers say its state; "some selected" shows as indeterminate.
import { useEffect, useRef, type ChangeEvent } from "react";

export function SelectionBox({
  label,
  checked,
  indeterminate = false,
  onChange,
}: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  onChange(event: ChangeEvent<HTMLInputElement> | unknown): void;
}) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = indeterminate && !checked;
  }, [indeterminate, checked]);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label={label}
      className="size-4 cursor-pointer accent-slate-900 dark:accent-slate-100"
      checked={checked}
      onChange={onChange}
    />
  );
}
